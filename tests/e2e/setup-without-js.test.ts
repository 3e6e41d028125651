// The yearly set-up with JavaScript turned off in the browser: every form is a
// plain HTML form the server answers. The secretariat drafts and adopts the next
// guideline version, leadership records the 2027 priorities (a refused earmark
// first), and the secretariat plans a round. This file has its own server and
// demo database.
import type { Locator, Page } from "playwright-core";
import type { MessageKey } from "~/i18n";
import { allowConsoleErrors, da, DEMO, expect, login, test } from "./fixtures";

const okParam = (value: string) => (url: URL) => url.searchParams.get("ok") === value;

async function submitAndWait(page: Page, button: Locator, url: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(url), button.click()]);
}

const button = (page: Page, key: MessageKey, vars?: Record<string, string | number>) =>
  page.getByRole("button", { name: da(key, vars), exact: true });

test("without JavaScript: guidelines drafted and adopted, priorities recorded, a round planned", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  // Refused forms answer 400; no script runs, but allow the browser's own log line if it writes one.
  allowConsoleErrors(page, /status of 400/);

  // The secretariat drafts version 2 from version 1 and changes the maximum amount.
  await login(page, DEMO.secretariat);
  await page.goto("/guidelines");
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/guidelines/new"),
    page.getByRole("link", { name: da("guidelines.newDraft"), exact: true }).click(),
  ]);
  await submitAndWait(page, button(page, "guidelines.new.submit"), okParam("created"));
  expect(new URL(page.url()).pathname).toBe("/guidelines/2");
  const maxAmount = da("ruleKind.MAX_AMOUNT");
  await submitAndWait(page, page.getByRole("button", { name: `${da("guidelines.remove")} ${da("guidelines.removeRuleHidden", { kind: maxAmount })}`, exact: true }), okParam("ruleRemoved"));
  await page.getByLabel(da("guidelines.addRule.kind"), { exact: true }).selectOption({ label: maxAmount });
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("ruleKind") === "MAX_AMOUNT"),
    button(page, "guidelines.addRule.continue").click(),
  ]);
  const amount = page.getByLabel(da("guidelines.field.maxAmount"), { exact: true });
  await amount.fill("mange penge");
  await button(page, "guidelines.addRule.submit").click();
  await page.waitForLoadState();
  expect(await page.locator(`[id="${await amount.getAttribute("id")}-error"]`).innerText()).toContain(da("guidelines.error.maxAmount"));
  await page.getByLabel(da("guidelines.field.maxAmount"), { exact: true }).fill("300.000");
  await submitAndWait(page, button(page, "guidelines.addRule.submit"), okParam("ruleAdded"));
  expect(await page.getByTestId("rules").innerText()).toContain("Højst 300.000,00 kr.");

  // HMU's adoption through the confirmation step.
  await Promise.all([page.waitForURL((url) => url.searchParams.get("adopt") === "confirm"), button(page, "guidelines.adopt.start").click()]);
  await page.getByLabel(da("guidelines.adopt.date"), { exact: true }).fill("2026-11-12");
  await submitAndWait(page, button(page, "guidelines.adopt.confirm", { version: 2 }), okParam("adopted"));
  expect(await page.getByTestId("state").innerText()).toContain(da("guidelines.state.adopted", { date: "12.11.2026" }));

  // Leadership records the 2027 priorities: an earmark over the budget first, refused next to the total.
  await page.context().clearCookies();
  await login(page, DEMO.leadership);
  await page.goto("/pool-years/2027/priorities/new");
  const row = page.getByRole("group", { name: "Forebyggelse af vold og trusler", exact: true });
  await row.getByLabel(da("priorities.field.include"), { exact: true }).check();
  await row.getByLabel(da("priorities.field.rank"), { exact: true }).fill("1");
  await row.getByLabel(da("priorities.field.weight"), { exact: true }).fill("1,5");
  await row.getByLabel(da("priorities.field.earmarkKind"), { exact: true }).selectOption("AMOUNT");
  await row.getByLabel(da("priorities.field.earmarkValue"), { exact: true }).fill("7.000.000");
  await button(page, "priorities.submit").click();
  await page.waitForLoadState();
  expect(new URL(page.url()).pathname).toBe("/pool-years/2027/priorities/new");
  expect(await page.locator("#earmarks-error").innerText()).toContain(
    da("priorities.error.earmarksOverBudget", { earmarked: "7.000.000,00 kr.", budget: "6.000.000,00 kr." }),
  );
  // What was typed is still there; only the amount needs correcting.
  const again = page.getByRole("group", { name: "Forebyggelse af vold og trusler", exact: true });
  expect(await again.getByLabel(da("priorities.field.include"), { exact: true }).isChecked()).toBe(true);
  await again.getByLabel(da("priorities.field.earmarkValue"), { exact: true }).fill("600.000");
  // Without JavaScript too: the first submit answers with the confirmation step.
  await button(page, "priorities.submit").click();
  await page.waitForLoadState();
  expect(await page.getByTestId("prioritisation-confirm").count()).toBe(1);
  await submitAndWait(page, button(page, "priorities.confirm.submit"), okParam("recorded"));
  expect(await page.locator("main").innerText()).toContain("600.000,00 kr.");

  // The secretariat plans the spring round.
  await page.context().clearCookies();
  await login(page, DEMO.secretariat);
  await page.goto("/pool-years/2027/rounds/new");
  await page.getByLabel(da("rounds.field.name"), { exact: true }).fill("Forårsrunde 2027");
  await page.getByLabel(da("rounds.field.opensAt"), { exact: true }).fill("2027-03-01T12:00");
  await page.getByLabel(da("rounds.field.closesAt"), { exact: true }).fill("2027-04-01T12:00");
  await page.getByLabel(da("rounds.field.endorsementDeadline"), { exact: true }).fill("2027-04-15T12:00");
  await page.getByLabel(da("rounds.field.decisionDate"), { exact: true }).fill("2027-05-06");
  await page.getByLabel(da("rounds.field.budgetShare"), { exact: true }).fill("2.500.000");
  await submitAndWait(page, button(page, "rounds.new.submit"), okParam("created"));
  expect(await page.getByTestId("opens-at").innerText()).toBe("1.3.2027 kl. 12.00");
  expect(await page.getByTestId("budget-share").innerText()).toBe("2.500.000,00 kr.");
});
