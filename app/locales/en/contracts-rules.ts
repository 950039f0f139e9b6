// The lines that explain a delivery's amount, an input debt and a late-payment
// penalty (app/domain/contracts), and the payout-sheet rule.
export const contractRules = {
  lines: {
    priceFixed: "Contract price: {{priceLak}}/kg",
    priceReference: "The market reference price on the delivery day, {{referenceLak}}/kg, is above the floor of {{floorLak}}/kg: the reference price applies",
    priceFloor: "The market reference price on the delivery day, {{referenceLak}}/kg, is not above the floor of {{floorLak}}/kg: the floor price applies",
    priceNoReference: "No recent market reference price for the delivery day: the floor price of {{floorLak}}/kg applies",
    parityReference: "Export reference: {{priceHundredths}} {{currency}}/kg, {{market}} ({{source}}, {{observedDate}})",
    parityRate: "× exchange rate: {{rateHundredths}} LAK for 1 {{currency}} ({{source}}, {{observedDate}})",
    parityGross: "= {{grossLak}}/kg at the export price",
    parityMargin: "− margin of {{marginLak}}/kg = export parity of {{parityLak}}/kg",
    parityAboveFloor: "Export parity, {{parityLak}}/kg, is above the floor of {{floorLak}}/kg: export parity is paid",
    parityNotAboveFloor: "Export parity, {{parityLak}}/kg, is not above the floor of {{floorLak}}/kg: the floor price is paid",
    parityNoReference:
      "No {{market}} reference in {{currency}} was published in the {{days}} days up to the delivery day: the floor price of {{floorLak}}/kg is paid",
    parityNoRateBol:
      "No Bank of the Lao PDR reference rate for {{currency}} was published in the {{days}} days up to the delivery day: the floor price of {{floorLak}}/kg is paid",
    parityNoRateBank:
      "No commercial bank rate for {{currency}} was published in the {{days}} days up to the delivery day: the floor price of {{floorLak}}/kg is paid",
    gross: "Gross weight delivered",
    moistureWithin: "Moisture measured: {{measuredPermille}}, within the contract's basis of {{basisPermille}}",
    moistureAbove: "Moisture measured: {{measuredPermille}}, {{excessPermille}} above the contract's basis of {{basisPermille}}",
    aboveTable: "The moisture is above the last band of the deduction table ({{lastPermille}}): the buyer may refuse the lot",
    deductionBand:
      "Moisture {{fromPermille}} to {{toPermille}}: {{pointsTenths}} points × {{kgPerTonnePerPoint}} kg per tonne = {{kgPerTonneTenths}} kg per tonne",
    deductionAboveTable:
      "Moisture {{fromPermille}} to {{toPermille}}, above the deduction table (the lot may be refused): {{pointsTenths}} points × {{kgPerTonnePerPoint}} kg per tonne = {{kgPerTonneTenths}} kg per tonne",
    deduction: "Moisture deduction: {{kgPerTonneTenths}} kg per tonne of {{grossKg}}",
    deductionNone: "No moisture deduction",
    deductionNoTable: "No moisture deduction: the contract has no deduction table",
    netKg: "Net weight paid for: {{grossKg}} − {{deductedKg}}",
    amountDue: "Amount due: {{netKg}} × {{priceLak}}/kg",
    inputNone: "No debt for inputs to deduct",
    inputDeduction: "Inputs advanced on credit: all of the {{debtLak}} still owed is deducted",
    inputDeductionPartial: "Inputs advanced on credit: {{debtLak}} still owed; this delivery covers {{deductionLak}}, and {{remainingLak}} remains owed",
    payable: "Payable to the farmers' organisation",
    inputValue: "Value of the inputs advanced on credit",
    inputInterest: "Interest: {{valueLak}} × {{ratePermille}} a month × {{days}} days ÷ 30",
    inputNoInterest: "No interest on the inputs",
    inputDebt: "Owed for the inputs on the delivery day",
    penaltyPaidLate: "{{amountLak}} due on {{dueDate}}, paid on {{endDate}}: {{days}} days late × {{ratePermille}} a month ÷ 30",
    penaltyUnpaid: "{{amountLak}} due on {{dueDate}}, still unpaid on {{endDate}}: {{days}} days late × {{ratePermille}} a month ÷ 30",
    penaltyNoRate: "The contract sets no late-payment penalty",
    penaltyNoneLate: "Nothing was paid late",
    penaltyTotal: "Late-payment penalty",
  },
  payout: {
    rule: "Each member's share of the net weight, of the input deduction and of the amount payable is proportional to the kg they pledged. Shares are rounded down to a whole kg or LAK; the units left over go one at a time to the members with the largest remainders (on a tie, the larger pledge first, then the order of the list), so every column adds up exactly to the contract's total. Each member's gross amount is their amount payable plus their input deduction.",
    householdRule:
      "Delivery by delivery, each household gets the net weight and the amount of its own lots, with its own moisture and foreign-matter deductions and the price of its own grade. Pooled lots (bags members mixed) are shared among the households that pledged, in proportion to their pledges: the only place pledges count. Each household repays its own inputs, with interest from the day it received them, and never more than it gets from that delivery. Inputs the FO did not hand to a member are the FO's common debt: they are repaid from what is left to the households, in proportion to what is left to each. Shares are rounded to a whole kg or LAK by the largest remainder, so every column adds up exactly to the deliveries' totals.",
  },
} as const;
