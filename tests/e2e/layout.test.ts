// Keyboard access and the language switch.
import { da, DEMO, en, expect, login, mainNav, test } from "./fixtures";

test("the skip link is the first Tab stop and moves focus to main", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    return { tag: el?.tagName, text: el?.textContent?.trim(), href: el?.getAttribute("href") };
  });
  expect(first).toEqual({ tag: "A", text: da("layout.skipToContent"), href: "#main-content" });

  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id })))
    .toEqual({ tag: "MAIN", id: "main-content" });
});

test("the skip link also comes first for a logged-in user", async ({ page }) => {
  await login(page, DEMO.admin);
  await page.goto("/"); // a fresh page load (after a client-side navigation Tab continues from the clicked button)
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#main-content");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");
});

test("the language button switches the interface to English and back", async ({ page }) => {
  await login(page, DEMO.admin);
  expect(await page.getAttribute("html", "lang")).toBe("da");
  expect(await mainNav(page, "da").count()).toBe(1);

  await page.getByRole("button", { name: da("layout.switchLanguage"), exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  await expect.poll(() => mainNav(page, "en").count()).toBe(1);
  expect(await page.getByRole("heading", { name: en("home.yourRoles"), exact: true }).count()).toBe(1);
  expect(await page.getByRole("button", { name: en("layout.logout"), exact: true }).count()).toBe(1);
  // Still the same page.
  expect(new URL(page.url()).pathname).toBe("/");

  await page.getByRole("button", { name: en("layout.switchLanguage"), exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("da");
  await expect.poll(() => mainNav(page, "da").count()).toBe(1);
  expect(await page.getByRole("heading", { name: da("home.yourRoles"), exact: true }).count()).toBe(1);
});

test("the language choice survives a reload and applies to the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: da("layout.switchLanguage"), exact: true }).click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  await page.reload();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(en("login.title"));
  await login(page, DEMO.applicant, undefined, "en");
  expect(await mainNav(page, "en").count()).toBe(1);
});

test("scripts carry no message texts: the page brings its own language's, also after client-side navigation", async ({ page }) => {
  await login(page, DEMO.secretariat);
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")),
  );
  expect(scripts.length).toBeGreaterThan(3);
  for (const url of scripts) {
    const body = await (await page.request.get(url)).text();
    expect(body.includes(da("home.intro")), url).toBe(false);
    expect(body.includes(en("home.intro")), url).toBe(false);
  }
  expect(await page.evaluate(() => window.__KP_I18N__?.lang)).toBe("da");

  await page.getByRole("button", { name: da("layout.switchLanguage"), exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__KP_I18N__?.lang)).toBe("en");
  // A client-side navigation to another page keeps the English texts.
  await mainNav(page, "en").getByRole("link", { name: en("nav.applications"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/applications");
  expect(await page.getAttribute("html", "lang")).toBe("en");
  expect(await page.getByRole("heading", { level: 1 }).innerText()).not.toContain("applications.");
  expect(await mainNav(page, "en").getByRole("link", { name: en("nav.poolYears"), exact: true }).count()).toBe(1);
});
