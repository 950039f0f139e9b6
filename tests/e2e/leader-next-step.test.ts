// The leader's next step, on a small phone in Lao, with and without JavaScript:
// two traders offer on a new listing of the leader's FO, the dashboard's to-do
// list says so with the count, and its one link opens the comparison of both.
import type { Browser, Page } from "@playwright/test";
import { formatKg } from "../../app/utils/format";
import { actor, demo, expect, fmt, publishListing, sendOffer, test, texts, uniqueTag } from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const phone = { width: 360, height: 780 };

for (const javaScriptEnabled of [false, true]) {
  test(`[lo] JavaScript ${javaScriptEnabled ? "on" : "off"}: two offers on a new listing put it on the leader's to-do list, one tap from the comparison`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const t = texts("lo");
    const options = { javaScriptEnabled, locale: "lo-LA", viewport: phone };
    const open = (b: Browser, email: string, path: string) => actor(b, baseURL, email, "lo", path, options);
    const pages: Page[] = [];
    try {
      // Offers close in two days: this listing comes before the seeded ones, whose deadlines are further off.
      const kgs = [1000 + Math.floor(Math.random() * 500), 700 + (javaScriptEnabled ? 1 : 0)];
      const leader = await open(browser, demo.leader.email, "/fo");
      pages.push(leader);
      const listing = await publishListing(leader, "lo", {
        crop: maize,
        grade: grade2,
        district: beng,
        kgs,
        askingPrice: 3300,
        offerDeadlineDays: 2,
        notes: `E2E next step ${uniqueTag()}`,
      });
      for (const email of [demo.trader.email, demo.trader3.email]) {
        const trader = await open(browser, email, listing.path);
        pages.push(trader);
        await sendOffer(trader, "lo", listing);
      }

      // "My listings" and the listing page say on the comparison link how many offers wait.
      const compareTwo = fmt(t.listings.detail.compareCount, { count: 2 });
      await leader.goto("/listings/mine");
      await expect(leader.locator(`a[href="${listing.path}/offers"]`)).toHaveText(compareTwo);
      await leader.goto(listing.path);
      await expect(leader.getByRole("link", { name: compareTwo, exact: true })).toHaveAttribute("href", `${listing.path}/offers`);

      await leader.goto("/fo");
      const toDo = leader.getByRole("region", { name: t.dashboard.todo.title });
      await expect(toDo).toBeVisible();
      const label = fmt(t.dashboard.todo.fo.offers, { crop: maize.lo, kg: formatKg(listing.totalKg, "lo") });
      // Found by where it leads (another test's listing may carry the same crop and total) and by
      // what it says: closing in two days, the listing is also on the "closing soon" line, which
      // leads to the same comparison.
      const item = toDo.locator(`a[href="${listing.path}/offers"]`).filter({ hasText: label });
      await expect(item).toHaveCount(1);
      await expect(item.locator("span").first()).toHaveText("2");

      await item.click();
      await expect(leader).toHaveURL(`${listing.path}/offers`);
      await expect(leader.getByRole("heading", { level: 1 })).toHaveText(t.compare.title);
      const offers = leader.getByRole("heading", { level: 3 });
      await expect(offers).toHaveCount(2);
      for (const company of [demo.trader.company, demo.trader3.company]) await expect(offers.filter({ hasText: company })).toHaveCount(1);
    } finally {
      for (const p of pages) await p.context().close();
    }
  });
}
