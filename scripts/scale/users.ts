// Accounts for the people the generator adds (FO leaders and secretaries,
// traders' staff, district facilitators): unique e-mail and phone, the demo
// password's hash (they all sign in with "demo-password"), a remembered
// language for some, and their role rows.
import type { Role } from "~/utils/roles";
import type { UserNode, World } from "./model";
import { personName, type Sex } from "./names";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";

export class Users {
  private nextPhone = 8_562_077_000_000;
  private emailCounter = 0;

  constructor(
    private readonly world: World,
    private readonly writer: Writer,
    private readonly ids: IdFactory,
    private readonly rng: Random,
  ) {}

  private phone(): string {
    // Lao mobile numbers, 856 20 and eight digits, in a range the demo does not use.
    let phone: string;
    do phone = String(this.nextPhone++);
    while (this.world.usedPhones.has(phone));
    this.world.usedPhones.add(phone);
    return phone;
  }

  private email(name: string): string {
    const base = name
      .toLowerCase()
      .replace(/[^a-z ]+/g, "")
      .trim()
      .replace(/\s+/g, ".");
    let email: string;
    do email = `${base}.${++this.emailCounter}@scale.demo.la`;
    while (this.world.usedEmails.has(email));
    this.world.usedEmails.add(email);
    return email;
  }

  /** Writes the user and its role; `createdAt` in ms. */
  create(input: { role: Role; createdAt: number; sex?: Sex; hmong?: boolean; disabled?: boolean }): UserNode {
    const sex = input.sex ?? (this.rng.chance(0.35) ? "female" : "male");
    const { en: name } = personName(this.rng, sex, input.hmong ?? false);
    const id = this.ids.next(input.createdAt);
    const user: UserNode = { id, name, email: this.rng.chance(0.8) ? this.email(name) : null, phone: this.phone(), sex };
    const created = new Date(input.createdAt);
    this.writer.insert("User", {
      id,
      name,
      email: user.email,
      phone: user.phone,
      sex,
      passwordHash: this.world.passwordHash,
      locale: this.rng.weighted([
        [null, 5],
        ["lo", 4],
        ["en", 1],
      ] as const),
      status: input.disabled ? "disabled" : "active",
      createdAt: created,
      updatedAt: created,
    });
    this.writer.insert("UserRole", { userId: id, role: input.role, createdAt: created });
    return user;
  }
}
