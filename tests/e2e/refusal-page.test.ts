// A refused action says why: the error page shows the reason the route gave
// (here, a registration outside the facilitator's districts), in the reader's
// language, not only the status's general text.
import { demo, expect, signInQuickly, test, texts } from "./fixtures";

for (const lang of ["lo", "en"] as const) {
  test(`[${lang}] a facilitator deciding on a registration outside their districts is told so`, async ({ page, browser, baseURL }) => {
    const t = texts(lang);
    // An organisation of the Oudomxay facilitator's districts…
    const other = await browser.newContext({ baseURL });
    const oudomxay = await other.newPage();
    await signInQuickly(oudomxay, demo.facilitator.email, { lang, path: "/facilitator/verification" });
    const form = oudomxay.locator('form:has(input[name="kind"][value="organisation"])').first();
    const id = await form.locator('input[name="id"]').getAttribute("value");
    expect(id).toBeTruthy();
    await other.close();

    // …decided on by the Sayabouly facilitator, with the form the page would send.
    await signInQuickly(page, demo.facilitatorXyb.email, { lang, path: "/facilitator/verification" });
    await page.evaluate((orgId) => {
      const f = document.createElement("form");
      f.method = "post";
      f.action = "/facilitator/verification";
      for (const [name, value] of Object.entries({ intent: "verify", kind: "organisation", id: orgId })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        f.append(input);
      }
      document.body.append(f);
      f.submit();
    }, id!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.errors["403"].title);
    await expect(page.locator("[data-error-message]")).toHaveText(t.verification.notYourDistrict);
  });
}
