// What a newcomer hits on day one, in a real browser: nothing runs off the screen
// at 390, 1280 and 1920 px, the menu is one line on wide screens and highlights
// one item, wide tables say they scroll and take keyboard focus, and focus lands
// somewhere sensible after a navigation, a new cost line and a save.
import type { Page } from "playwright-core";
import { da, DEMO, expect, login, mainNav, test, waitForHydration } from "./fixtures";

const WIDTHS = [390, 1280, 1920] as const;

/** How far the page is wider than the window (0 = nothing runs off the right edge). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The innermost elements that reach past the window's right edge (for the failure message). */
function culprits(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".kp-table-wrap:not([data-scrollable])"))
      .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`),
  );
}

/** The number of distinct lines the main menu's items sit on. */
function navLines(page: Page): Promise<number> {
  return mainNav(page)
    .locator("li")
    .evaluateAll((items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size);
}

/** The first application the list links to (as /applications/<id>). */
async function firstApplicationPath(page: Page): Promise<string | null> {
  await page.goto("/applications");
  const hrefs = await page.locator("main a[href^='/applications/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => /^\/applications\/[^/?#]+$/.test(href) && !href.endsWith("/new") && !href.endsWith("/statistics")) ?? null;
}

/** The applicant starts a draft in the first open round and lands on its edit page. */
async function startDraft(page: Page): Promise<string> {
  await page.goto("/applications/new");
  const round = page.getByLabel(da("applications.field.round"), { exact: true });
  const values = await round.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(values.length, "the demo data has an open round").toBeGreaterThan(0);
  await round.selectOption(values[0]!);
  await Promise.all([
    page.waitForURL((url) => /^\/applications\/[^/]+\/edit$/.test(url.pathname)),
    page.getByRole("button", { name: da("applications.new.create"), exact: true }).click(),
  ]);
  return new URL(page.url()).pathname;
}

test.for(WIDTHS)("nothing runs off the screen at %i px, and the menu is one line on wide screens", { timeout: 90_000 }, async (width, { newPage }) => {
  {
    const page = await newPage({ viewport: { width, height: 900 } });
    await login(page, DEMO.secretariat);
    const application = await firstApplicationPath(page);
    const paths = ["/", "/applications", "/applications/statistics", "/pool-years", "/focus-areas", ...(application ? [application] : [])];
    const poolYear = await page.goto("/pool-years").then(() =>
      page.locator("main a[href^='/pool-years/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").find((h) => /^\/pool-years\/\d{4}$/.test(h))),
    );
    if (poolYear) paths.push(poolYear);
    for (const path of paths) {
      await page.goto(path);
      expect(await overflow(page), `${path} at ${width} px: ${(await culprits(page)).join("; ")}`).toBeLessThanOrEqual(0);
      if (width >= 1280) expect(await navLines(page), `menu lines on ${path} at ${width} px`).toBe(1);
    }
    const applicant = await newPage({ viewport: { width, height: 900 } });
    await login(applicant, DEMO.applicant);
    const edit = await startDraft(applicant);
    for (const path of [edit, edit.replace(/\/edit$/, "")]) {
      await applicant.goto(path);
      expect(await overflow(applicant), `${path} at ${width} px: ${(await culprits(applicant)).join("; ")}`).toBeLessThanOrEqual(0);
    }
    await page.close();
    await applicant.close();
  }
});

test("the admin's long menu is one line at 1280 px", async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, DEMO.admin);
  expect(await navLines(page)).toBe(1);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test("a table wider than a phone says so and can be scrolled from the keyboard", async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 390, height: 800 } });
  await login(page, DEMO.secretariat);
  await page.goto("/focus-areas");
  await waitForHydration(page);
  const wrap = page.locator(".kp-table-wrap[data-scrollable]").first();
  await expect.poll(() => wrap.count()).toBe(1);
  expect(await wrap.getAttribute("tabindex")).toBe("0");
  expect(await wrap.getAttribute("role")).toBe("region");
  expect(await wrap.getAttribute("aria-label")).toContain(da("layout.tableScrollHint"));
  const hint = await wrap.evaluate((el) => getComputedStyle(el, "::before").content);
  expect(hint).toContain(da("layout.tableScrollHint"));
  await wrap.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test("the statistics page highlights one menu item", async ({ page }) => {
  await login(page, DEMO.secretariat);
  await page.goto("/applications/statistics");
  const active = mainNav(page).locator(".kp-nav-link.active, [aria-current='page']");
  expect((await active.allInnerTexts()).map((text) => text.trim())).toEqual([da("nav.statistics")]);
});

test("after a client-side navigation focus is on the new page's heading, without a frame around the page", async ({ page }) => {
  await login(page, DEMO.secretariat);
  await waitForHydration(page);
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/focus-areas"),
    mainNav(page).getByRole("link", { name: da("nav.focusAreas"), exact: true }).click(),
  ]);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  const mainOutline = await page.locator("main").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(mainOutline).toBe("none");
});

test("edit page: no 'ikke gemt endnu' until something changes; a new cost line gets the focus; a save puts focus on its message", async ({ page }) => {
  await login(page, DEMO.applicant);
  await startDraft(page);
  await waitForHydration(page);
  const basis = page.getByTestId("screening-basis");
  await page.waitForTimeout(1500); // longer than the live screening's delay
  expect(await basis.innerText()).toBe(da("applications.screening.savedBasis"));

  const lines = page.getByTestId("cost-line");
  const before = await lines.count();
  await page.getByTestId("add-cost-line").click();
  await expect.poll(() => lines.count()).toBe(before + 1);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest("[data-testid='cost-line']") === [...document.querySelectorAll("[data-testid='cost-line']")].at(-1)))
    .toBe(true);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");

  const title = page.getByLabel(da("applications.field.title"), { exact: true });
  await title.fill("Kursus i konflikthåndtering");
  await expect.poll(() => basis.innerText(), { timeout: 10_000 }).toBe(da("applications.screening.liveBasis"));

  // Save with Enter in a text field: focus goes to the success message, not to the page body.
  await Promise.all([page.waitForURL((url) => url.searchParams.get("ok") === "saved"), title.press("Enter")]);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(da("applications.ok.saved"));
  await page.waitForTimeout(1500);
  expect(await basis.innerText()).toBe(da("applications.screening.savedBasis"));
});
