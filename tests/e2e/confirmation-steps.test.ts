// Nothing irreversible on one tap, on a 360 px phone in Lao, with JavaScript
// off and on: accepting an offer passes a confirmation page that says what it
// does to the other offer, then writes the contract; on the contract the sign
// form follows the summary, and a wrong password with the box unticked comes
// back to the form (#sign, in view) with both messages, signing nothing.
import type { Page } from "@playwright/test";
import { actor, demo, expect, fmt, publishListing, sendOffer, signInQuickly, test, texts, uniqueTag } from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const PHONE = { width: 360, height: 780 };

/** Nothing on the page is wider than the phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("accepting an offer goes through its confirmation, and a sign error returns to the form with both messages", async ({ page, browser, baseURL }) => {
      test.setTimeout(120_000);
      const lang = "lo";
      const t = texts(lang);
      const O = t.offers;
      const C = t.contracts;

      // --- A listing with two offers --------------------------------------------------
      await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
      const kgs = [800 + Math.floor(Math.random() * 400), 610];
      const listing = await publishListing(page, lang, {
        crop: maize,
        grade: grade2,
        district: beng,
        kgs,
        askingPrice: 3300,
        notes: `E2E confirm ${uniqueTag()}`,
      });
      const namko = await actor(browser, baseURL, demo.trader.email, lang, "/trader");
      const yunlao = await actor(browser, baseURL, demo.trader3.email, lang, "/trader");
      const namkoOffer = await sendOffer(namko, lang, listing);
      const yunlaoOffer = await sendOffer(yunlao, lang, listing);

      // --- Accept on the offer's page: first the confirmation, nothing changed yet ----
      await page.goto(namkoOffer);
      await page.getByRole("link", { name: O.detail.accept, exact: true }).click();
      await expect(page).toHaveURL(`${namkoOffer}?confirm=accept#confirm`);
      const confirmation = page.getByRole("region", { name: O.detail.confirmTitle });
      await expect(confirmation).toBeInViewport();
      await expect(confirmation).toContainText(fmt(O.detail.confirmOthers, { count: 1 }));
      const [beforePrice, afterPrice] = O.detail.confirmText.split("{{price}}") as [string, string];
      await expect(confirmation).toContainText(fmt(beforePrice, { company: demo.trader.company }));
      await expect(confirmation).toContainText(afterPrice);
      await expect(page.getByText(O.status.submitted, { exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expect(page.getByRole("link", { name: O.detail.backToComparison, exact: true })).toHaveAttribute("href", `${listing.path}/offers`);

      await confirmation.getByRole("button", { name: O.detail.confirmAccept, exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: O.detail.accepted })).toBeVisible();
      await expect(page.getByText(O.status.accepted, { exact: true })).toBeVisible();
      await yunlao.goto(yunlaoOffer);
      await expect(yunlao.getByText(O.status.rejected, { exact: true })).toBeVisible();
      await namko.context().close();
      await yunlao.context().close();

      // --- The contract was written: the sign form is one tap from the summary --------
      await page.getByRole("link", { name: new RegExp(`^${fmt(O.detail.openContract, { number: "" })}`) }).click();
      await expect(page).toHaveURL(/\/contracts\/[^/?#]+$/);
      const contractPath = new URL(page.url()).pathname;
      await expect(page.getByText(C.status.awaiting_signatures, { exact: true })).toBeVisible();
      const form = page.locator("form").filter({ has: page.getByRole("heading", { name: C.sign.title, exact: true }) });
      await page.getByRole("link", { name: C.sign.jump, exact: true }).click();
      await expect(page).toHaveURL(`${contractPath}#sign`);
      await expect(form.getByRole("heading", { name: C.sign.title, exact: true })).toBeInViewport();
      // The full text comes after the form, in a section that folds.
      const fullText = page.locator("details#full-text");
      await expect(fullText).toHaveCount(1);
      expect(await form.evaluate((f) => !!(f.compareDocumentPosition(document.getElementById("full-text")!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);

      // --- A wrong password, the box unticked: back on the form, both said -----------
      await page.goto(contractPath);
      await form.getByLabel(C.sign.password, { exact: true }).fill("not-the-password");
      await form.getByRole("button", { name: C.sign.submit, exact: true }).click();
      await expect(page).toHaveURL(`${contractPath}#sign`);
      const problems = form.getByRole("alert").filter({ hasText: fmt(C.sign.problems, { count: 2 }) });
      await expect(problems).toBeInViewport();
      await expect(problems.getByRole("link", { name: C.errors.mustReadFirst, exact: true })).toHaveAttribute("href", "#sign-confirm-read");
      await expect(problems.getByRole("link", { name: C.errors.wrongPassword, exact: true })).toHaveAttribute("href", "#sign-password");
      // Each beside its field too.
      await expect(form.getByRole("checkbox", { name: C.sign.confirmRead })).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByRole("checkbox", { name: C.sign.confirmRead })).toHaveAccessibleDescription(C.errors.mustReadFirst);
      await expect(form.getByLabel(C.sign.password, { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel(C.sign.password, { exact: true })).toHaveAccessibleDescription(`${C.sign.passwordHint} ${C.errors.wrongPassword}`);
      await expectNoSidewaysScroll(page);
      const signatures = page.getByRole("heading", { name: C.detail.signatures, exact: true }).locator("xpath=following-sibling::ul[1]").getByRole("listitem");
      await expect(signatures).toHaveText([`${C.party.fo}: ${C.detail.waiting}`, `${C.party.trader}: ${C.detail.waiting}`]);

      // --- Put right, it signs, and the answer is on the signatures ------------------
      await form.getByRole("checkbox", { name: C.sign.confirmRead }).check();
      await form.getByLabel(C.sign.password, { exact: true }).fill("demo-password");
      await form.getByRole("button", { name: C.sign.submit, exact: true }).click();
      await expect(page).toHaveURL(`${contractPath}?done=signed#sign`);
      await expect(page.getByRole("status").filter({ hasText: C.sign.signed })).toBeInViewport();
      await expect(signatures.first()).not.toHaveText(`${C.party.fo}: ${C.detail.waiting}`);
      await expect(page.getByRole("heading", { name: C.sign.title, exact: true })).toHaveCount(0);
    });

    test("withdrawing a listing sits apart from publishing and goes through its confirmation", async ({ page, browser, baseURL }) => {
      test.setTimeout(90_000);
      const lang = "lo";
      const L = texts(lang).listings;
      const O = texts(lang).offers;
      await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
      const listing = await publishListing(page, lang, {
        crop: maize,
        grade: grade2,
        district: beng,
        kgs: [520 + Math.floor(Math.random() * 300)],
        askingPrice: 3200,
        notes: `E2E withdraw ${uniqueTag()}`,
      });
      const namko = await actor(browser, baseURL, demo.trader.email, lang, "/trader");
      const offer = await sendOffer(namko, lang, listing);

      await page.goto(listing.path);
      const danger = page.getByRole("region", { name: L.withdraw.title });
      await expect(danger).toContainText(L.withdraw.hint);
      await danger.getByRole("link", { name: L.detail.withdraw, exact: true }).click();
      await expect(page).toHaveURL(`${listing.path}?confirm=withdraw#confirm`);
      const confirmation = page.getByRole("region", { name: L.withdraw.confirmTitle });
      await expect(confirmation).toBeInViewport();
      await expect(confirmation).toContainText(L.withdraw.consequence);
      await expect(confirmation).toContainText(fmt(L.withdraw.offers, { count: 1 }));
      await expectNoSidewaysScroll(page);
      // Keeping it changes nothing.
      await confirmation.getByRole("link", { name: L.withdraw.keep, exact: true }).click();
      await expect(page).toHaveURL(listing.path);
      await expect(page.getByText(L.status.open, { exact: true })).toBeVisible();

      await page.getByRole("link", { name: L.detail.withdraw, exact: true }).click();
      await page.getByRole("button", { name: L.withdraw.confirm, exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: L.detail.withdrawn })).toBeVisible();
      await expect(page.getByText(L.status.withdrawn, { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: L.detail.withdraw, exact: true })).toHaveCount(0);
      await namko.goto(offer);
      await expect(namko.getByText(O.status.rejected, { exact: true })).toBeVisible();
      await namko.context().close();
    });
  });
}
