// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (there the
// parallel attempts really run at once, on several connections).
import { beforeEach, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "~/domain/login-throttle";
import { prisma } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { demoEmail, resetToDemo } from "../../tests/db-utils";
import { login } from "./auth.server";

beforeEach(resetToDemo);

const actor = { user: null, requestId: "test" };
const attempt = (email: string, password: string, ip: string, deviceToken: string | null = null) => login(actor, { email, password, ip, deviceToken });
const checkedPasswords = () => prisma.loginAttempt.count();

describe("login throttle", () => {
  it("lets at most the limit of 40 parallel wrong guesses have their password checked", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt(demoEmail.admin, "forkert-gæt", "198.51.100.1")));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_LIMITS.pair.points);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - LOGIN_LIMITS.pair.points);
    expect(await checkedPasswords()).toBe(LOGIN_LIMITS.pair.points);
    // The right password is refused too until the window ends.
    const right = await attempt(demoEmail.admin, DEMO_PASSWORD, "198.51.100.1");
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    if (!right.ok && right.reason === "throttled") expect(right.seconds).toBeGreaterThan(LOGIN_LIMITS.pair.durationSeconds - 60);
  });

  it("keeps the counters in the database, with hashed keys only", async () => {
    await attempt(demoEmail.admin, "forkert", "198.51.100.1");
    const rows = await prisma.rateLimit.findMany();
    expect(rows.map((r) => r.key.replace(/:.*/, "")).sort()).toEqual(["login-account", "login-ip", "login-pair"]);
    for (const r of rows) {
      expect(r.key).toMatch(/^login-\w+:[0-9a-f]{64}$/);
      expect(r.points).toBe(1);
    }
  });

  it("stops one IP address from spraying guesses over many accounts", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < LOGIN_LIMITS.ip.points; i++) {
      expect(await attempt(`bruger${i}@demo.aarhus.dk`, "Sommer2026!", ip)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt(demoEmail.finance, "Sommer2026!", ip)).toMatchObject({ reason: "throttled" });
    // Another machine is not affected.
    expect(await attempt(demoEmail.finance, DEMO_PASSWORD, "203.0.113.10")).toMatchObject({ ok: true });
  });

  it("slows guessing from many machines at one account, but not its owner in their usual browser", async () => {
    const first = await attempt(demoEmail.admin, DEMO_PASSWORD, "192.0.2.50");
    expect(first).toMatchObject({ ok: true });
    const device = first.ok ? first.deviceToken : "";
    // An attacker with a new address for every guess.
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      expect(await attempt(demoEmail.admin, "gæt", `198.51.100.${i + 1}`)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt(demoEmail.admin, "gæt", "198.51.100.200")).toMatchObject({ reason: "throttled" });
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, "198.51.100.201")).toMatchObject({ reason: "throttled" });
    // The owner, in the browser they logged in with before (its device cookie), gets in, from any address.
    const again = await attempt(demoEmail.admin, DEMO_PASSWORD, "192.0.2.99", device);
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.deviceToken).toBe(device); // the browser keeps its cookie
  });

  it("does not let a colleague behind the same shared address lock the owner out", async () => {
    const shared = "10.20.30.40"; // the municipality's network leaves through one address
    const owner = await attempt(demoEmail.admin, DEMO_PASSWORD, shared);
    const device = owner.ok ? owner.deviceToken : "";
    // A colleague on the same network guesses the administrator's password again and again.
    for (let i = 0; i < LOGIN_LIMITS.pair.points + 3; i++) await attempt(demoEmail.admin, "gæt", shared);
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, shared)).toMatchObject({ reason: "throttled" });
    // The owner, from the same address but in their own browser, is not slowed.
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, shared, device)).toMatchObject({ ok: true });
    // A made-up cookie, or another account's, counts as no cookie.
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, shared, "x".repeat(43))).toMatchObject({ reason: "throttled" });
    const finance = await attempt(demoEmail.finance, DEMO_PASSWORD, "192.0.2.77");
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, shared, finance.ok ? finance.deviceToken : "")).toMatchObject({ reason: "throttled" });
  });

  it("counts an IPv6 client by its /64, so rotating addresses does not escape the limit", async () => {
    for (let i = 0; i < LOGIN_LIMITS.pair.points; i++) {
      expect(await attempt(demoEmail.finance, "gæt", `2001:db8:1:2::${(i + 1).toString(16)}`)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt(demoEmail.finance, "gæt", "2001:db8:1:2:ffff::1")).toMatchObject({ reason: "throttled" });
    // Another /64 is another client.
    expect(await attempt(demoEmail.finance, DEMO_PASSWORD, "2001:db8:1:3::1")).toMatchObject({ ok: true });
  });

  it("a successful login clears its machine's failures", async () => {
    const ip = "192.0.2.60";
    for (let i = 0; i < LOGIN_LIMITS.pair.points - 1; i++) await attempt(demoEmail.finance, "forkert", ip);
    expect(await attempt(demoEmail.finance, DEMO_PASSWORD, ip)).toMatchObject({ ok: true });
    for (let i = 0; i < LOGIN_LIMITS.pair.points; i++) {
      expect(await attempt(demoEmail.finance, "forkert", ip)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt(demoEmail.finance, "forkert", ip)).toMatchObject({ reason: "throttled" });
  });
});
