// Logging in and out through the real form: wrong password, without JavaScript,
// and the way back to the page that asked for a login.
import { allowConsoleErrors, da, DEMO, expect, login, logout, mainNav, test } from "./fixtures";

test("a wrong password shows the Danish error above the form and no navigation", async ({ page }) => {
  // The rejected login answers 400, which Chromium logs as a console error: that one is expected.
  allowConsoleErrors(page, /status of 400 \(Bad Request\) \(http:\/\/[^/]+\/login\.data\)/);
  await page.goto("/login");
  await page.getByLabel(da("login.email")).fill(DEMO.applicant);
  await page.getByLabel(da("login.password"), { exact: true }).fill("forkert-adgangskode");
  await page.getByRole("button", { name: da("login.submit"), exact: true }).click();

  const form = page.locator("form#login");
  const alert = form.getByRole("alert");
  await expect.poll(() => alert.innerText()).toContain("E-mail eller adgangskode er forkert.");
  // The message comes before the fields inside the form.
  const alertFirst = await form.evaluate((el) => {
    const message = el.querySelector('[role="alert"]');
    const input = el.querySelector('input[name="email"]');
    return !!message && !!input && !!(message.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(alertFirst).toBe(true);
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(await mainNav(page).count()).toBe(0);
  expect(await page.getByTestId("current-user").count()).toBe(0);
});

test("login and logout work with JavaScript disabled", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto("/login");
  await login(page, DEMO.applicant);
  expect(new URL(page.url()).pathname).toBe("/");
  expect(await mainNav(page).count()).toBe(1);
  expect(await page.getByTestId("current-user").innerText()).toContain("Anna Andersen");

  await logout(page);
  expect(await mainNav(page).count()).toBe(0);
  // The session is gone: the start page asks for a login again.
  await page.goto("/");
  expect(new URL(page.url()).pathname).toBe("/login");
});

test("an anonymous visit to /pool-years goes to /login and back after login", async ({ page }) => {
  await page.goto("/pool-years");
  const url = new URL(page.url());
  expect(url.pathname).toBe("/login");
  expect(url.searchParams.get("redirectTo")).toBe("/pool-years");

  await login(page, DEMO.finance);
  expect(new URL(page.url()).pathname).toBe("/pool-years");
  expect(await mainNav(page).count()).toBe(1);
});
