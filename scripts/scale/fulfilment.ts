// What happens under a contract in force: deliveries, payments and disputes,
// played in the order the domain allows, with every figure computed by the
// project's own rules, never invented here:
//   - a delivery's deduction, net kg, price, input deduction and amount due by
//     deliveryFigures / inputDebtOn (~/domain/deliveries/deliveries.server, over
//     delivery-amount.ts, price-rules.ts and offers/moisture-deduction.ts), the
//     reference price of a floor-price contract as referencePriceOn finds it;
//   - due dates by paymentDueDate, balances by statementOf (payments.ts);
//   - completion by isContractComplete at the first confirmation after which
//     the ledger is complete (as completeContractIfDone checks it);
//   - the ledger dates (overdueFrom, dueFrom, lateFrom) by ledgerDatesOf.
// Deliveries are recorded only while the contract is active (not in dispute),
// payments while it is active or disputed; nothing is dated in the future.
// The company's payment habit decides how late it pays; some contracts are
// left with amounts overdue, some in dispute.
import { deliveredNetKg, statementOf, type LedgerDelivery, type LedgerPayment } from "~/domain/contracts/completion.server";
import { deliveryFigures, inputDebtOn } from "~/domain/deliveries/delivery-price.server";
import { ledgerDatesOf } from "~/domain/payments/overdue";
import { isContractComplete, paymentDueDate } from "~/domain/payments/payments";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import type { DisputeCategory } from "~/domain/disputes/dispute-categories";
import { i18nFor } from "~/utils/i18n.server";
import type { CompanyNode, CropNode, DistrictNode, OrgNode, World } from "./model";
import type { IdFactory } from "./ids";
import type { Inbox } from "./notifications";
import { referenceOn } from "./prices";
import type { Random } from "./random";
import type { Row, Writer } from "./tables";
import { DELIVERY_CONTEST_REASONS, DISPUTE_TEXTS, INSTRUMENTS, MEASURED_BY, MEDIATION_NOTES, OUTCOMES, PAYMENT_CONTEST_REASONS } from "./texts";
import { DAY, HOUR, laoDay } from "./time";

export type Intent = "complete" | "active" | "overdue" | "disputed";

export interface ContractCase {
  id: string;
  number: string;
  snapshot: ContractSnapshot;
  activatedAt: number;
  fo: OrgNode;
  company: CompanyNode;
  /** the contract's (the listing's) district: whose facilitators mediate */
  district: DistrictNode;
  crop: CropNode;
  intent: Intent;
  /** a dispute raised and settled on the way to completion */
  settledDispute: boolean;
}

export interface Fulfilment {
  status: "active" | "completed" | "disputed";
  completedAt: number | null;
  /** how many times the domain would have moved the contract's version */
  versionSteps: number;
  ledger: { overdueFrom: Date | null; dueFrom: Date | null; lateFrom: Date | null };
  /** the last moment anything happened under the contract */
  lastRecordAt: number;
  /** writes the deliveries, payments, disputes and their notices */
  write: () => void;
}

type DeliveryRow = Row<"Delivery"> & { _createdAt: number; _answeredAt: number | null };
type PaymentRow = Row<"Payment"> & { _createdAt: number; _answeredAt: number | null };

const categoryNames = (c: DisputeCategory) => ({
  categoryLo: i18nFor("lo").t(`disputes:category.${c}`),
  categoryEn: i18nFor("en").t(`disputes:category.${c}`),
});
const METHODS = [
  ["bank_transfer", 45],
  ["cash", 30],
  ["mobile_money", 22],
  ["other", 3],
] as const;

export class FulfilmentMaker {
  constructor(
    private readonly world: World,
    private readonly writer: Writer,
    private readonly ids: IdFactory,
    private readonly rng: Random,
    private readonly inbox: Inbox,
  ) {}

  private lateDays(habit: CompanyNode["payer"]): number {
    const rng = this.rng;
    if (habit === "punctual") return -rng.int(0, 2);
    if (habit === "fair") return rng.chance(0.7) ? -rng.int(0, 1) : rng.int(1, 6);
    return rng.chance(0.3) ? 0 : rng.int(3, 20);
  }

  run(c: ContractCase): Fulfilment {
    const { rng, world } = this;
    const now = world.now;
    const { snapshot } = c;
    const terms = snapshot.terms;
    const qty = terms.quantityKg;
    const leaders = c.fo.leaders.map((l) => l.user);
    const staff = c.company.staff.map((s) => s.user);
    const leaderIds = leaders.map((u) => u.id);
    const staffIds = staff.map((u) => u.id);
    const facilitatorIds = c.district.facilitators.map((u) => u.id);
    const names = { fo: { byLo: c.fo.nameLo, byEn: c.fo.nameEn }, trader: { byLo: c.company.name, byEn: c.company.name } };
    const link = `/contracts/${c.id}`;
    let intent = c.intent;
    let versionSteps = 1; // activation

    // --- when the goods come ------------------------------------------------------
    const deliveryDate = Date.parse(terms.deliveryDate);
    let lots = rng.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    const disputeKind: "contest" | "late" | "short" =
      intent === "disputed"
        ? rng.weighted([
            ["contest", 50],
            ["late", 30],
            ["short", 20],
          ] as const)
        : "contest";
    if (intent === "disputed" && disputeKind === "short") lots = 2;
    const days: number[] = [];
    let day = laoDay(Math.max(c.activatedAt + HOUR, deliveryDate + rng.real(-3, 5) * DAY));
    for (let i = 0; i < lots; i++) {
      days.push(day);
      day = laoDay(day + rng.real(2, 7) * DAY + 12 * HOUR);
    }
    // A side-selling FO delivers the first lot only.
    const planned = intent === "disputed" && disputeKind === "short" ? days.slice(0, 1) : days;
    const dueDays = planned.filter((d) => d + 14 * HOUR <= now);

    // Gross weights: the contracted quantity and a little more, split over the lots.
    const wanted = qty * rng.real(0.99, 1.06) * (intent === "disputed" && disputeKind === "short" ? rng.real(0.4, 0.6) : 1);
    const shares = days.map(() => rng.real(0.7, 1.3));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    const gross = planned.map((_, i) => Math.max(10, Math.round((wanted * shares[i]!) / shareSum / 10) * 10));
    if (lots > 1 && planned.length === lots) gross[lots - 1] = Math.max(10, Math.round((wanted - gross.slice(0, -1).reduce((a, b) => a + b, 0)) / 10) * 10);
    const basis = terms.moistureBasisPermille;
    const moisture = planned.map(() =>
      c.crop.standardMoisturePermille === 0 ? 0 : Math.max(0, Math.min(c.crop.maxMoisturePermille ?? basis + 60, basis + Math.round(rng.normal(6, 14)))),
    );

    // --- deliveries, figures from the contract's own rules -----------------------------
    const deliveries: DeliveryRow[] = [];
    const contestIndex = intent === "disputed" && disputeKind === "contest" && dueDays.length ? dueDays.length - 1 : -1;
    const compute = () => {
      deliveries.length = 0;
      let earlier = 0n;
      let firstDay: number | null = null;
      dueDays.forEach((d, i) => {
        const contested = i === contestIndex;
        const interestUntil = firstDay !== null && firstDay < d ? firstDay : d;
        const debt = inputDebtOn(snapshot, new Date(interestUntil), earlier);
        const reference = snapshot.template.priceMechanism === "floor_premium" ? referenceOn(world, c.crop.id, c.fo.village.district, new Date(d)) : null;
        const figures = deliveryFigures(snapshot, {
          grossKg: gross[i]!,
          moisturePermille: moisture[i]!,
          referencePriceLakPerKg: reference,
          inputDebtLak: debt?.debtLak ?? 0n,
        });
        if (!contested) {
          earlier += figures.inputDeductionLak;
          if (firstDay === null || d < firstDay) firstDay = d;
        }
        const byTrader = contested || rng.chance(0.8);
        const recorder = byTrader ? rng.pick(staff) : rng.pick(leaders);
        const answerer = byTrader ? rng.pick(leaders) : rng.pick(staff);
        const createdAt = Math.min(now - 30 * 60_000, d + rng.real(2, 12) * HOUR);
        let answeredAt: number | null = createdAt + rng.real(1, 36) * HOUR;
        if (answeredAt > now || (intent === "active" && i === dueDays.length - 1 && now - createdAt < 5 * DAY && rng.chance(0.5))) answeredAt = null;
        const grade = rng.chance(0.85) ? snapshot.grade.code : rng.pick(c.crop.grades).code;
        deliveries.push({
          id: "",
          contractId: c.id,
          deliveredOn: new Date(d),
          grossKg: gross[i]!,
          moisturePermille: moisture[i]!,
          gradeCode: grade,
          foreignMatterPermille: rng.int(3, 30),
          measuredBy: rng.pick(MEASURED_BY),
          instrument: rng.pick(INSTRUMENTS),
          deductedKg: figures.deductedKg,
          netKg: figures.netKg,
          priceLakPerKg: figures.priceLakPerKg,
          referencePriceLakPerKg: reference,
          amountDueLak: figures.amountDueLak,
          inputDeductionLak: figures.inputDeductionLak,
          recordedByParty: byTrader ? "trader" : "fo",
          recordedById: recorder.id,
          status: answeredAt === null ? "recorded" : contested ? "contested" : "confirmed",
          answeredById: answeredAt === null ? null : answerer.id,
          answeredAt: answeredAt === null ? null : new Date(answeredAt),
          contestReason: contested && answeredAt !== null ? rng.pick(DELIVERY_CONTEST_REASONS) : null,
          createdAt: new Date(createdAt),
          version: answeredAt === null ? 0 : 1,
          _createdAt: createdAt,
          _answeredAt: answeredAt,
        });
      });
    };
    compute();
    // A contract meant to complete delivers its quantity within the tolerance: top the last lot up.
    const netOf = () => deliveredNetKg(deliveries.map((d) => ({ netKg: d.netKg as number, status: d.status as string })));
    const enough = () => BigInt(netOf()) * 1000n >= BigInt(qty) * BigInt(1000 - terms.tolerancePermille);
    for (let guard = 0; intent === "complete" && dueDays.length === lots && !enough() && guard < 6; guard++) {
      const short = qty - netOf();
      gross[lots - 1] = gross[lots - 1]! + Math.ceil((short * 1.1) / 10) * 10 + 10;
      compute();
    }

    // --- payments ------------------------------------------------------------------
    const payments: PaymentRow[] = [];
    let advanceLeft = BigInt(terms.advanceLak);
    const counted = deliveries.filter((d) => d.status !== "contested");
    const unpaidFrom =
      intent === "overdue" ? rng.int(0, Math.max(0, counted.length - 1)) : intent === "disputed" && disputeKind === "late" ? counted.length - 1 : Infinity;
    let lateDue: number | null = null;
    counted.forEach((d, i) => {
      const payable = (d.amountDueLak as bigint) - (d.inputDeductionLak as bigint);
      const fromAdvance = advanceLeft < payable ? advanceLeft : payable;
      advanceLeft -= fromAdvance;
      let owed = payable - fromAdvance;
      if (owed <= 0n) return;
      const due = paymentDueDate(d.deliveredOn as Date, terms.paymentDays).getTime();
      if (i >= unpaidFrom) {
        // Left unpaid, or paid in part; the rest falls overdue.
        if (lateDue === null) lateDue = due;
        if (intent !== "overdue" || rng.chance(0.5)) return;
        owed = (owed * BigInt(rng.int(20, 60))) / 100n;
        if (owed <= 0n) return;
      }
      const paidOn = laoDay(Math.max(d._createdAt, due + this.lateDays(c.company.payer) * DAY));
      if (paidOn + 10 * HOUR > now) return; // not paid yet
      const parts = owed > 20_000_000n && rng.chance(0.1) ? [owed / 2n, owed - owed / 2n] : [owed];
      parts.forEach((amount, k) => {
        const on = k === 0 ? paidOn : laoDay(Math.min(now - DAY, paidOn + rng.int(1, 5) * DAY));
        const contest = rng.chance(0.01);
        for (let attempt = 0; attempt < (contest ? 2 : 1); attempt++) {
          const day = attempt === 0 ? on : laoDay(Math.min(now - 12 * HOUR, on + rng.int(2, 7) * DAY));
          const createdAt = Math.min(now - 60_000, day + rng.real(1, 10) * HOUR);
          let answeredAt: number | null = createdAt + rng.real(2, 72) * HOUR;
          if (answeredAt > now) answeredAt = null;
          const contested = contest && attempt === 0 && answeredAt !== null;
          const method = rng.weighted(METHODS);
          payments.push({
            id: "",
            contractId: c.id,
            amountLak: amount,
            paidOn: new Date(day),
            method,
            reference: method === "cash" ? null : `${rng.pick(["BCEL", "LDB", "APB", "JDB"])} TT-${rng.int(100_000, 999_999)}`,
            recordedById: rng.pick(staff).id,
            status: answeredAt === null ? "recorded" : contested ? "contested" : "confirmed",
            answeredById: answeredAt === null ? null : rng.pick(leaders).id,
            answeredAt: answeredAt === null ? null : new Date(answeredAt),
            contestReason: contested ? rng.pick(PAYMENT_CONTEST_REASONS) : null,
            createdAt: new Date(createdAt),
            version: answeredAt === null ? 0 : 1,
            _createdAt: createdAt,
            _answeredAt: answeredAt,
          });
          if (!contested) break;
        }
      });
    });

    // --- disputes --------------------------------------------------------------------
    const lastDeliveryAt = deliveries.reduce((m, d) => Math.max(m, d._createdAt), c.activatedAt);
    type DisputePlan = { category: DisputeCategory; party: "fo" | "trader"; raisedAt: number; resolve: boolean };
    let dispute: DisputePlan | null = null;
    if (intent === "disputed") {
      let raisedAt = Infinity;
      let category: DisputeCategory = "moisture_quality";
      let party: "fo" | "trader" = "fo";
      if (disputeKind === "contest" && contestIndex >= 0 && deliveries[contestIndex]!._answeredAt !== null) {
        raisedAt = deliveries[contestIndex]!._answeredAt! + rng.real(2, 48) * HOUR;
        category = rng.chance(0.7) ? "moisture_quality" : "weight";
      } else if (disputeKind === "late" && lateDue !== null) {
        raisedAt = Math.max(lastDeliveryAt + HOUR, lateDue + rng.real(3, 20) * DAY);
        category = "late_payment";
      } else if (disputeKind === "short") {
        raisedAt = Math.max(lastDeliveryAt + HOUR, deliveryDate + rng.real(10, 30) * DAY);
        category = rng.chance(0.6) ? "side_selling" : "non_delivery";
        party = "trader";
      }
      if (raisedAt < now - HOUR) dispute = { category, party, raisedAt, resolve: false };
      else intent = "active";
    }
    if (intent === "disputed" && dispute === null) intent = "active";

    // A settled dispute fits between the last delivery and the last confirmation of a payment.
    const confirmations = [...deliveries.filter((d) => d.status === "confirmed"), ...payments.filter((p) => p.status === "confirmed")]
      .map((r) => r._answeredAt!)
      .sort((a, b) => a - b);
    const lastConfirmation = confirmations.at(-1) ?? 0;
    if (c.settledDispute && intent === "complete" && lastConfirmation - lastDeliveryAt > 6 * DAY) {
      const category: DisputeCategory = rng.chance(0.5) ? "late_payment" : "moisture_quality";
      dispute = { category, party: "fo", raisedAt: lastDeliveryAt + rng.real(0.1, 0.3) * (lastConfirmation - lastDeliveryAt), resolve: true };
    }

    let resolvedAt: number | null = null;
    const disputeWrites: (() => void)[] = [];
    if (dispute) {
      const d = dispute;
      const raiser = d.party === "fo" ? rng.pick(leaders) : rng.pick(staff);
      const answerer = d.party === "fo" ? rng.pick(staff) : rng.pick(leaders);
      const text = rng.pick(DISPUTE_TEXTS[d.category] ?? DISPUTE_TEXTS.other!);
      const limit = d.resolve ? lastConfirmation - HOUR : now;
      const step = (from: number, span: number) => Math.min(limit, from + rng.real(0.05, 1) * span);
      const answeredAt = d.resolve || rng.chance(0.6) ? step(d.raisedAt + HOUR, 5 * DAY) : null;
      const notes: number[] = [];
      let t = answeredAt ?? d.raisedAt;
      for (let n = d.resolve ? rng.int(1, 2) : rng.int(0, 2); n > 0; n--) {
        t = step(t + HOUR, 6 * DAY);
        if (t < limit) notes.push(t);
      }
      if (d.resolve) resolvedAt = step(t + HOUR, 8 * DAY);
      const disputeId = this.ids.next(d.raisedAt);
      const entries = (answeredAt !== null && answeredAt <= now ? 1 : 0) + notes.length + (resolvedAt !== null ? 1 : 0);
      versionSteps += 1 + (resolvedAt !== null ? 1 : 0); // into dispute, and back in force
      const dlink = `${link}/disputes`;
      const by = d.party === "fo" ? names.fo : names.trader;
      const other = d.party === "fo" ? names.trader : names.fo;
      const raiserSide = d.party === "fo" ? leaderIds : staffIds;
      const otherSide = d.party === "fo" ? staffIds : leaderIds;
      this.inbox.add(
        "dispute_raised",
        d.raisedAt,
        [...otherSide, ...facilitatorIds],
        { number: c.number, ...by, ...categoryNames(d.category) },
        dlink,
        raiser.id,
      );
      if (answeredAt !== null)
        this.inbox.add("dispute_answered", answeredAt, [...raiserSide, ...facilitatorIds], { number: c.number, ...other }, dlink, answerer.id);
      const mediators = c.district.facilitators.length ? c.district.facilitators : [world.demo.facilitator];
      const mediator = rng.pick(mediators);
      for (const at of notes) this.inbox.add("dispute_mediation_note", at, [...leaderIds, ...staffIds], { number: c.number }, dlink, mediator.id);
      if (resolvedAt !== null)
        this.inbox.add("dispute_resolved", resolvedAt, [...leaderIds, ...staffIds], { number: c.number, ...categoryNames(d.category) }, dlink, mediator.id);
      const outcome = resolvedAt !== null ? rng.pick(OUTCOMES) : null;
      disputeWrites.push(() => {
        this.writer.insert("Dispute", {
          id: disputeId,
          contractId: c.id,
          category: d.category,
          raisedByParty: d.party,
          raisedById: raiser.id,
          statement: text.statement,
          answer: answeredAt === null ? null : text.answer,
          answeredAt: answeredAt === null ? null : new Date(answeredAt),
          status: resolvedAt !== null ? "resolved" : answeredAt !== null ? "answered" : "open",
          outcome,
          resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
          createdAt: new Date(d.raisedAt),
          version: entries,
        });
        const entry = (authorId: string, kind: string, note: string, at: number) =>
          this.writer.insert("DisputeEntry", { id: this.ids.next(at), disputeId, authorId, kind, note, createdAt: new Date(at) });
        if (answeredAt !== null) entry(answerer.id, "answer", text.answer, answeredAt);
        for (const at of notes) entry(mediator.id, "mediation", rng.pick(MEDIATION_NOTES), at);
        if (resolvedAt !== null) entry(mediator.id, "outcome", outcome!, resolvedAt);
      });
    }

    // --- completion, as completeContractIfDone decides it at each confirmation --------------
    let completedAt: number | null = null;
    const unresolved = dispute !== null && resolvedAt === null;
    if (!unresolved) {
      const lastCreated = Math.max(0, ...deliveries.map((d) => d._createdAt), ...payments.map((p) => p._createdAt));
      for (const t of confirmations) {
        if (t < lastCreated || (resolvedAt !== null && t < resolvedAt)) continue;
        const dels: LedgerDelivery[] = deliveries.map((d) => ({
          deliveredOn: d.deliveredOn as Date,
          netKg: d.netKg as number,
          amountDueLak: d.amountDueLak as bigint,
          inputDeductionLak: d.inputDeductionLak as bigint,
          status: d._answeredAt !== null && d._answeredAt <= t ? (d.status as string) : "recorded",
        }));
        if (dels.some((d) => d.status === "recorded")) continue;
        const pays: LedgerPayment[] = payments.map((p) => ({
          amountLak: p.amountLak as bigint,
          paidOn: p.paidOn as Date,
          status: p._answeredAt !== null && p._answeredAt <= t ? (p.status as string) : "recorded",
        }));
        const { balance } = statementOf(snapshot, dels, pays, new Date(t));
        if (
          isContractComplete({
            contractedKg: qty,
            tolerancePermille: terms.tolerancePermille,
            deliveredNetKg: deliveredNetKg(dels),
            balanceLak: balance.balanceLak,
          })
        ) {
          completedAt = t;
          break;
        }
      }
    }
    const status = unresolved ? "disputed" : completedAt !== null ? "completed" : "active";
    if (completedAt !== null) versionSteps++;
    versionSteps += deliveries.length; // each delivery recorded moves the contract's version

    // Written after the contract row: the database's report tallies read it when a delivery is inserted.
    const write = () => {
      for (const d of deliveries) {
        d.id = this.ids.next(d._createdAt);
        const { _createdAt, _answeredAt, ...row } = d;
        this.writer.insert("Delivery", row);
        const recorderSide = d.recordedByParty === "fo" ? "fo" : "trader";
        const otherIds = recorderSide === "fo" ? staffIds : leaderIds;
        const recorderIds = recorderSide === "fo" ? leaderIds : staffIds;
        const dlink = `${link}/deliveries`;
        this.inbox.add(
          "delivery_recorded",
          _createdAt,
          otherIds,
          { number: c.number, ...names[recorderSide], amount: Number(d.amountDueLak) },
          dlink,
          d.recordedById as string,
        );
        const answering = recorderSide === "fo" ? names.trader : names.fo;
        if (d.status === "confirmed") this.inbox.add("delivery_confirmed", _answeredAt!, recorderIds, { number: c.number, ...answering }, dlink);
        if (d.status === "contested")
          this.inbox.add("delivery_contested", _answeredAt!, recorderIds, { number: c.number, ...answering, reason: d.contestReason as string }, dlink);
      }
      for (const p of payments) {
        p.id = this.ids.next(p._createdAt);
        const { _createdAt, _answeredAt, ...row } = p;
        this.writer.insert("Payment", row);
        const plink = `${link}/payments`;
        const amount = Number(p.amountLak);
        this.inbox.add("payment_recorded", _createdAt, leaderIds, { number: c.number, company: c.company.name, amount }, plink, p.recordedById as string);
        if (p.status === "confirmed") this.inbox.add("payment_confirmed", _answeredAt!, staffIds, { number: c.number, amount }, plink);
        if (p.status === "contested")
          this.inbox.add("payment_contested", _answeredAt!, staffIds, { number: c.number, amount, reason: p.contestReason as string }, plink);
      }
      for (const w of disputeWrites) w();
      if (completedAt !== null) this.inbox.add("contract_completed", completedAt, [...leaderIds, ...staffIds], { number: c.number }, link);
    };

    const ledger = ledgerDatesOf(
      { advanceLak: BigInt(terms.advanceLak), paymentDays: terms.paymentDays },
      deliveries.map((d) => ({
        deliveredOn: d.deliveredOn as Date,
        netKg: d.netKg as number,
        amountDueLak: d.amountDueLak as bigint,
        inputDeductionLak: d.inputDeductionLak as bigint,
        status: d.status as string,
      })),
      payments.map((p) => ({ amountLak: p.amountLak as bigint, paidOn: p.paidOn as Date, status: p.status as string })),
      new Date(now),
    );
    const lastRecordAt = Math.max(
      c.activatedAt,
      ...deliveries.map((d) => d._answeredAt ?? d._createdAt),
      ...payments.map((p) => p._answeredAt ?? p._createdAt),
    );
    return { status, completedAt, versionSteps, ledger, lastRecordAt, write };
  }
}
