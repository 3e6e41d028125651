// Security headers on real responses and the session cookie's attributes.
import { DEMO, expect, login, test } from "./fixtures";

test("pages carry CSP with a nonce, X-Frame-Options and nosniff", async ({ page }) => {
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();

  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  // The page's scripts carry the header's nonce (else CSP would block them and
  // the console watch would fail this test).
  const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  // A new nonce per response.
  const again = await page.reload();
  expect(again?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("the session cookie is HttpOnly, SameSite=Lax and __Host- prefixed", async ({ page }) => {
  await login(page, DEMO.applicant);
  const cookies = await page.context().cookies();
  // Production defaults: Secure, hence the __Host- prefix (Secure, Path=/, no Domain).
  const session = cookies.find((c) => c.name === "__Host-kp_session");
  expect(session, JSON.stringify(cookies.map((c) => c.name))).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
  // The server runs with production defaults: Secure (Chromium accepts it on http://127.0.0.1).
  expect(session!.secure).toBe(true);
  // Not readable from page scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain("kp_session");
});

test("logged-in pages carry the security headers too", async ({ page }) => {
  await login(page, DEMO.applicant);
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
});

test("a state-changing post from another site or an opaque origin is refused with 403 and changes nothing", async ({ page }) => {
  await login(page, DEMO.applicant);
  await page.goto("/applications/new");
  const ownOrigin = new URL(page.url()).origin;
  // The form's first open round and unit (the demo data's open round, if any today).
  const firstOption = (name: string) =>
    page.locator(`select[name="${name}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== "") ?? "");
  const form = { roundId: await firstOption("roundId"), unitId: await firstOption("unitId") };
  const summary = async () => {
    await page.goto("/applications");
    return page.getByTestId("list-summary").innerText();
  };
  const before = await summary();
  const post = (origin: string) => page.request.post("/applications/new", { form, headers: { Origin: origin }, maxRedirects: 0 });

  for (const origin of ["http://evil.example", `http://evil.example:${new URL(ownOrigin).port}`, "null"]) {
    const refused = await post(origin);
    expect(refused.status(), origin).toBe(403);
    expect(await refused.text()).toBe("Forespørgslen kom fra et andet websted og er afvist.");
  }
  expect(await summary()).toBe(before);

  // The same post from the page's own origin reaches the action.
  const accepted = await post(ownOrigin);
  expect(accepted.status()).not.toBe(403);
  if (form.roundId && form.unitId) {
    expect(accepted.status()).toBe(302);
    expect(accepted.headers().location).toMatch(/^\/applications\/[^/]+\/edit\?ok=created$/);
    expect(await summary()).not.toBe(before);
  } else {
    // No round open today: the action answers with its validation errors.
    expect(accepted.status()).toBe(400);
  }
});
