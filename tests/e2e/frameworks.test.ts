// A framework contract on the demo's signed contract, on a 360 px phone in Lao
// with JavaScript off: the trader proposes it from the contract's page, the
// leader finds it in the to-do list and accepts it through its confirmation,
// proposes the first season's call-off, the trader accepts it, and both see
// the call-off's contract and the framework's one track record; the page then
// reads in English too.
import type { Page } from "@playwright/test";
import { demo, expect, fmt, signInQuickly, test, texts } from "./fixtures";

const PHONE = { width: 360, height: 780 };

test.use({ javaScriptEnabled: false, viewport: PHONE });

async function contractHrefs(page: Page): Promise<string[]> {
  await page.goto("/contracts");
  return page.locator("a[href^='/contracts/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

const narrow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

test("the trader and the leader agree a framework and its first call-off, and see one track record", async ({ browser }) => {
  const t = texts("lo");
  const F = t.frameworks;
  const leader = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "lo-LA" })).newPage();
  const trader = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "lo-LA" })).newPage();
  await signInQuickly(leader, demo.leader.email, { lang: "lo", path: "/contracts" });
  await signInQuickly(trader, demo.trader.email, { lang: "lo", path: "/contracts" });

  // The demo's signed contract between the two, which has no framework yet.
  const theirs = new Set(await contractHrefs(leader));
  let contract: string | null = null;
  for (const href of await contractHrefs(trader)) {
    if (!theirs.has(href)) continue;
    await trader.goto(href);
    if ((await trader.getByRole("link", { name: F.link.propose }).count()) > 0) {
      contract = href;
      break;
    }
  }
  expect(contract, "a signed demo contract between the leader and the trader").not.toBeNull();

  await trader.getByRole("link", { name: F.link.propose }).click();
  await narrow(trader);
  await trader.getByLabel(F.propose.seasons).fill("9");
  await trader.getByRole("button", { name: F.propose.submit }).click();
  await expect(trader.getByText(t.validation.tooHigh).first()).toBeVisible();
  await trader.getByLabel(F.propose.seasons).fill("3");
  await trader.getByRole("button", { name: F.propose.submit }).click();
  await expect(trader).toHaveURL(/\/frameworks\/[^/?]+\?done=proposed$/);
  await expect(trader.getByText(F.done.proposed)).toBeVisible();
  const framework = trader.url().replace(/\?.*$/, "");

  // The leader finds the proposal waiting in the to-do list and answers through the confirmation.
  await leader.goto("/fo");
  const toDo = leader.getByRole("region", { name: t.dashboard.todo.title });
  await toDo
    .getByRole("link", { name: new RegExp(F.link.title) })
    .first()
    .click();
  await expect(leader).toHaveURL(framework);
  await leader.getByRole("link", { name: F.answer.accept }).click();
  await expect(leader.getByRole("heading", { name: F.answer.confirmAcceptTitle })).toBeVisible();
  await leader.getByRole("button", { name: F.answer.yesAccept }).click();
  await expect(leader.getByText(F.done.accepted)).toBeVisible();
  await expect(leader.getByText(F.status.active, { exact: true })).toBeVisible();

  // The first season's call-off, proposed by the leader and accepted by the trader.
  const season = await leader.getByLabel(F.callOffs.seasonField).inputValue();
  await leader.getByLabel(F.callOffs.quantityKg).fill("4000");
  await leader.getByRole("button", { name: F.callOffs.submit }).click();
  await expect(leader.getByText(F.done.callOffProposed)).toBeVisible();
  await trader.goto(framework);
  await trader.getByRole("link", { name: F.callOffs.accept }).click();
  await expect(trader.getByRole("heading", { name: fmt(F.callOffs.confirmAcceptTitle, { season }) })).toBeVisible();
  await trader.getByRole("button", { name: F.callOffs.yesAccept }).click();
  await expect(trader.getByText(F.done.callOffAccepted)).toBeVisible();
  const callOff = trader.locator(`[data-call-off="${season}"]`);
  await expect(callOff).toContainText(F.callOffs.status.accepted);
  await expect(callOff.getByRole("link", { name: /SSJ-/ })).toBeVisible();

  // One track record, both sides of it; the page fits the phone.
  for (const page of [leader, trader]) {
    await page.goto(framework);
    await expect(page.getByRole("heading", { name: F.detail.trackTitle })).toBeVisible();
    await expect(page.getByRole("region", { name: F.detail.trackFo })).toBeVisible();
    await expect(page.getByRole("region", { name: F.detail.trackTrader })).toBeVisible();
    await narrow(page);
  }

  // The call-off's contract leads back to its framework.
  await callOff.getByRole("link", { name: /SSJ-/ }).click();
  await trader.getByRole("link", { name: new RegExp(fmt(F.link.callOffOf, { season, number: ".*" })) }).click();
  await expect(trader).toHaveURL(framework);

  // In English.
  await trader.request.post("/language", { form: { locale: "en", redirectTo: "/" }, maxRedirects: 0 });
  await trader.goto(framework);
  await expect(trader.getByRole("heading", { name: texts("en").frameworks.callOffs.title })).toBeVisible();
  await expect(trader.getByRole("heading", { name: texts("en").frameworks.detail.trackTitle })).toBeVisible();
});
