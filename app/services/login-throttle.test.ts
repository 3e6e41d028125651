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
const attempt = (email: string, password: string, ip: string) => login(actor, { email, password, ip });
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

  it("slows guessing from many machines at one account, but not its owner on their usual machine", async () => {
    const usual = "192.0.2.50";
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, usual)).toMatchObject({ ok: true });
    // An attacker with a new address for every guess.
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      expect(await attempt(demoEmail.admin, "gæt", `198.51.100.${i + 1}`)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt(demoEmail.admin, "gæt", "198.51.100.200")).toMatchObject({ reason: "throttled" });
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, "198.51.100.201")).toMatchObject({ reason: "throttled" });
    // The owner, from the machine they logged in from before, gets in.
    expect(await attempt(demoEmail.admin, DEMO_PASSWORD, usual)).toMatchObject({ ok: true });
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
