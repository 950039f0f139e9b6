export const registration = {
  section: {
    title: "Registration at the district office",
    registered: "Registered by {{office}}, number {{number}}, on {{date}}.",
    waiting: "Signed by every party; not yet registered by the District Agriculture and Forestry Office.",
    register: "Register this contract",
    done: "The registration is recorded. It now appears on the printed contract and on its check page.",
  },
  page: {
    title: "Register contract {{number}}",
    intro:
      "Record the registration the district office gives this signed contract, as Decree No. 56/Gov on Contract Farming asks. The registration is kept beside the contract: its text, its fingerprint and its signatures do not change.",
    already: "This contract is already registered, number {{number}}.",
    back: "Back to contract {{number}}",
  },
  form: {
    number: "Registration number",
    numberHint: "As the office writes it in its register, for example 045/DAFO-BENG.",
    registeredOn: "Date of registration",
    office: "Office",
    officeHint: "The office that registers it, as it names itself.",
    officeDefault: "District Agriculture and Forestry Office, {{district}}",
    unchanged: "Once recorded, a registration cannot be changed here.",
    submit: "Record the registration",
  },
  console: {
    title: "Signed contracts to register",
    empty: "No signed contract is waiting to be registered.",
    signedOn: "signed {{date}}",
  },
  errors: {
    future: "The date of registration cannot be in the future.",
    beforeSigning: "The contract cannot have been registered before the day it was signed.",
    numberTaken: "The office has already given this number to another contract in this district.",
    notSigned: "Only a contract signed by every party, and not cancelled or replaced, can be registered.",
    alreadyRegistered: "This contract has already been registered.",
  },
} as const;
