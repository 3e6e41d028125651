// The form kit in a real browser: a refused submit puts the error summary at
// the top of the form with links that move the focus to each field (with and
// without JavaScript), a double click sends a form once, and the application
// form's soft-rule justification is linked from the summary and labelled required.
import type { Page } from "playwright-core";
import { allowConsoleErrors, da, DEMO, expect, login, test, waitForHydration } from "./fixtures";

const summary = (page: Page) => page.getByTestId("error-summary");

/** The id of the element that has the focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

test("a refused submit shows the error summary at the top, and its link moves the focus to the field", async ({ page }) => {
  await login(page, DEMO.secretariat);
  await page.goto("/focus-areas");
  await waitForHydration(page);
  await page.getByRole("button", { name: da("focusAreas.create.submit"), exact: true }).click();
  await expect.poll(() => summary(page).count()).toBe(1);
  // At the top of the form, before its first field, and it has the focus.
  const form = page.locator("form", { has: summary(page) });
  expect(await form.locator("[data-testid=error-summary] ~ * input, [data-testid=error-summary] ~ * textarea").count()).toBeGreaterThan(0);
  await expect.poll(() => focusedId(page)).toBe(await summary(page).getAttribute("id"));
  const link = summary(page).getByRole("link").first();
  const target = (await link.getAttribute("href"))!.slice(1);
  await link.click();
  await expect.poll(() => focusedId(page)).toBe(target);
  expect(await page.locator(`[id="${target}"]`).getAttribute("aria-invalid")).toBe("true");
});

test("without JavaScript the server renders the summary, and its links go to the fields", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  allowConsoleErrors(page, /status of 400/);
  await login(page, DEMO.secretariat);
  await page.goto("/focus-areas");
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: da("focusAreas.create.submit"), exact: true }).click()]);
  await summary(page).waitFor();
  const link = summary(page).getByRole("link").first();
  const href = (await link.getAttribute("href"))!;
  expect(await page.locator(`[id="${href.slice(1)}"]`).count()).toBe(1);
  await link.click();
  expect(new URL(page.url()).hash).toBe(href);
});

test("a double click on the submit button sends the form once", async ({ page }) => {
  await login(page, DEMO.secretariat);
  await page.goto("/focus-areas");
  await waitForHydration(page);
  const name = `Dobbeltklik ${Date.now().toString(36)}`;
  await page.getByLabel(da("focusAreas.field.name"), { exact: true }).fill(name);
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") requests.push(request.url());
  });
  // The server takes a moment (as under load), so the second click comes while the first request is out.
  await page.route("**/focus-areas**", async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const button = page.locator('form:has([name="name"]) button[type="submit"]');
  const created = page.waitForURL((url) => url.searchParams.get("ok") === "created");
  const firstPost = page.waitForRequest((request) => request.method() === "POST");
  await button.dblclick();
  // And an impatient user's third click once the request is out (force: the button is marked disabled by then).
  await firstPost;
  await button.click({ force: true });
  await created;
  expect(requests).toHaveLength(1);
  await page.getByText(da("focusAreas.ok.created")).waitFor();
  // A second submit would have been refused: the name is in use by then.
  expect(await summary(page).count()).toBe(0);
  expect(await page.getByRole("link", { name: new RegExp(name) }).count()).toBeGreaterThan(0);
});

test("the soft-rule justification is linked from the summary and labelled required when the screening warns", async ({ page }) => {
  allowConsoleErrors(page, /status of 400/);
  await login(page, DEMO.applicant);
  await page.goto("/applications/new");
  await waitForHydration(page);
  await Promise.all([
    page.waitForURL((url) => /^\/applications\/[^/]+\/edit$/.test(url.pathname)),
    page.getByRole("button", { name: da("applications.new.create"), exact: true }).click(),
  ]);
  await waitForHydration(page);
  await page.getByLabel(da("applications.field.participants"), { exact: true }).fill("5");
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.status() === 400),
    page.getByTestId("submit").click(),
  ]);
  await summary(page).waitFor();
  // The server's refusal moves the focus to the summary.
  await expect.poll(() => focusedId(page)).toBe(await summary(page).getAttribute("id"));
  // The summary is at the top of the page's form, far above the justification.
  const summaryBox = (await summary(page).boundingBox())!;
  const justification = page.locator('textarea[name="softRuleJustification"]');
  expect(summaryBox.y).toBeLessThan((await justification.boundingBox())!.y);
  const label = await page.locator(`label[for="${await justification.getAttribute("id")}"]`).innerText();
  expect(label).toMatch(/^Begrundelse for afvigelser \(skal udfyldes, fordi vurderingen viser (en advarsel|\d+ advarsler)\)$/);
  expect(label).not.toContain(da("common.optional"));
  const link = summary(page).getByRole("link", { name: da("applications.error.justificationRequired"), exact: true });
  await link.click();
  await expect.poll(() => focusedId(page)).toBe(await justification.getAttribute("id"));
});
