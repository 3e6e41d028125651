// Browser-test fixtures: one Chromium per test file, a new browser context per
// test, and every page watched for console errors and uncaught page errors
// (any of them fails the test unless the test allows it explicitly).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { test as base, expect } from "vitest";
import { NAV_ITEMS } from "~/components/layout/navigation";
import { can, type Role } from "~/domain/permissions";
import { createTranslator, type Lang } from "~/i18n";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed-data";
import { startServer, type TestServer } from "./server";

export const da = createTranslator("da");
export const en = createTranslator("en");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Collects console errors and page errors of a page; assertNone() fails the test if any were seen. */
export class ErrorWatch {
  readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  constructor(readonly page: Page) {
    page.on("console", (message) => {
      if (message.type() === "error") this.record(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => this.record(`page error: ${error.stack ?? error.message}`));
  }

  private record(text: string) {
    if (!this.allowed.some((pattern) => pattern.test(text))) this.errors.push(text);
  }

  /** Allows errors matching the pattern from now on (e.g. an expected 400 response). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  assertNone(): void {
    expect(this.errors, `errors in the browser on ${this.page.url()}`).toEqual([]);
  }
}

const watches = new WeakMap<Page, ErrorWatch>();

/** Allows console errors matching the pattern on this page (the default is: none allowed). */
export function allowConsoleErrors(page: Page, pattern: RegExp): void {
  const watch = watches.get(page);
  if (!watch) throw new Error("This page is not watched: create it with the page/newPage fixture.");
  watch.allow(pattern);
}

export type NewPage = (options?: BrowserContextOptions) => Promise<Page>;

interface Fixtures {
  /** The app for this test file: its own server and fresh demo database. */
  server: TestServer;
  browser: Browser;
  /** Opens a page in a new browser context (e.g. `{ javaScriptEnabled: false }`); closed and checked after the test. */
  newPage: NewPage;
  /** A page in a fresh context (no cookies): the usual starting point. */
  page: Page;
}

export const test = base.extend<Fixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Vitest reads fixture dependencies from this pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: "file" },
  ],
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Vitest reads fixture dependencies from this pattern
    async ({}, use) => {
      const browser = await launchBrowser();
      await use(browser);
      await browser.close();
    },
    { scope: "file" },
  ],
  newPage: async ({ browser, server }, use) => {
    const opened: { context: BrowserContext; watch: ErrorWatch }[] = [];
    await use(async (options) => {
      const context = await browser.newContext({ baseURL: server.baseURL, locale: "da-DK", ...options });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const watch = new ErrorWatch(page);
      watches.set(page, watch);
      opened.push({ context, watch });
      return page;
    });
    for (const { context } of opened) await context.close();
    for (const { watch } of opened) watch.assertNone();
  },
  page: async ({ newPage }, use) => {
    await use(await newPage());
  },
});

export { expect };

/** The path of the page's URL ("" for a page that has not navigated yet). */
export function pathOf(page: Page): string {
  const url = page.url();
  return url.startsWith("http") ? new URL(url).pathname : "";
}

/** Logs in through the real /login form and waits until the app has left the login page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, lang: Lang = "da"): Promise<void> {
  const t = createTranslator(lang);
  // Stay on a login page the app redirected to (it carries ?redirectTo=…).
  if (pathOf(page) !== "/login") await page.goto("/login");
  await page.getByLabel(t("login.email")).fill(email);
  await page.getByLabel(t("login.password"), { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    page.getByRole("button", { name: t("login.submit"), exact: true }).click(),
  ]);
  // With JavaScript the URL can change a moment before the new page has rendered.
  await page.getByTestId("current-user").waitFor();
}

/** Waits until React has hydrated the page, so what is typed reaches the app's state (pages with JavaScript only). */
export async function waitForHydration(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber$"))), { timeout: 10_000 })
    .toBe(true);
}

/** Logs out with the header's button and waits for the login page. */
export async function logout(page: Page, lang: Lang = "da"): Promise<void> {
  const t = createTranslator(lang);
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/login"),
    page.getByRole("button", { name: t("layout.logout"), exact: true }).click(),
  ]);
  await page.getByTestId("current-user").waitFor({ state: "detached" });
}

/** The main navigation as rendered. */
export function mainNav(page: Page, lang: Lang = "da") {
  return page.locator(`nav[aria-label="${createTranslator(lang)("layout.mainNav")}"]`);
}

function demoEmailOf(role: Role): string {
  const user = DEMO_USERS.find((u) => u.roles.some((grant) => grant.role === role));
  if (!user) throw new Error(`No demo user has the role ${role}`);
  return user.email;
}

/** A demo user's e-mail address, checked against the demo data. */
function demoEmail(email: string): string {
  if (!DEMO_USERS.some((u) => u.email === email)) throw new Error(`No demo user has the e-mail ${email}`);
  return email;
}

/** Demo users' e-mail addresses (password: DEMO_PASSWORD). */
export const DEMO = {
  applicant: demoEmailOf("APPLICANT"),
  areaLead: demoEmailOf("AREA_LEAD"),
  secretariat: demoEmailOf("SECRETARIAT"),
  finance: demoEmailOf("FINANCE"),
  leadership: demoEmailOf("LEADERSHIP"),
  hmu: demoEmailOf("HMU"),
  admin: demoEmailOf("ADMIN"),
  /** An applicant in another area (VJH) than `applicant` (BUU). */
  otherAreaApplicant: demoEmail("ansoeger.vjh@demo.aarhus.dk"),
  /** The area lead of `applicant`'s area (BUU). */
  areaLeadBUU: demoEmail("chef.buu@demo.aarhus.dk"),
} as const;

/** One demo user per role (the first in the demo data). */
export function demoUserPerRole(): { role: Role; email: string; name: string }[] {
  const seen = new Map<Role, { role: Role; email: string; name: string }>();
  for (const user of DEMO_USERS) {
    for (const grant of user.roles) {
      if (!seen.has(grant.role)) seen.set(grant.role, { role: grant.role, email: user.email, name: user.name });
    }
  }
  return [...seen.values()];
}

/** The main-menu labels a user with exactly these roles must see, in order. */
export function expectedNavLabels(roles: readonly Role[], lang: Lang = "da"): string[] {
  const t = createTranslator(lang);
  // Scope (area/unit) does not matter for page-level checks, so placeholder ids do.
  const subject = { id: "e2e", unitId: "unit", roles: roles.map((role) => ({ role, areaId: "area", unitId: null })) };
  return NAV_ITEMS.filter((item) => can(subject, item.action)).map((item) => t(item.label));
}
