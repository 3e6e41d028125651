import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { auditCount, cookieFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { callAction, callLoader, fieldErrors } from "../../tests/route-utils";
import * as home from "./home";
import * as login from "./login";
import * as logout from "./logout";

beforeEach(resetToDemo);

describe("login", () => {
  it("logs a demo user in with an HttpOnly, SameSite=Lax session cookie and audits it", async () => {
    const result = await callAction(login, "/login", {
      form: { email: "ADMIN@demo.aarhus.dk ", password: DEMO_PASSWORD, redirectTo: "/pool-years" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/pool-years");
    const setCookie = result.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^kp_session=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(await auditCount("auth.login")).toBe(1);

    const page = await callLoader(home, "/", { cookie: setCookie.split(";")[0] });
    expect(page.status).toBe(200);
    expect((page.data as { user: { email: string } }).user.email).toBe(demoEmail.admin);
  });

  it("hands the browser an HttpOnly device cookie that later logins keep (the throttle's usual browser)", async () => {
    const first = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD } });
    const device = first.headers.getSetCookie().find((c) => c.startsWith("kp_device="));
    expect(device).toContain("HttpOnly");
    expect(device).toContain("SameSite=Lax");
    expect(device).toMatch(/Max-Age=2592000/);
    const again = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD }, cookie: device!.split(";")[0] });
    expect(again.headers.getSetCookie().find((c) => c.startsWith("kp_device="))!.split(";")[0]).toBe(device!.split(";")[0]);
  });

  it("refuses a wrong password with a Danish form error and no session", async () => {
    const result = await callAction(login, "/login", { form: { email: demoEmail.admin, password: "forkert" } });
    expect(result.status).toBe(400);
    const reply = (result.data as { result: { error: Record<string, string[]> } }).result;
    expect(reply.error[""]).toEqual(["E-mail eller adgangskode er forkert."]);
    expect(await prisma.session.count()).toBe(0);
    expect(await auditCount("auth.loginFailed")).toBe(1);
  });

  it("puts a message next to each bad field and changes nothing", async () => {
    const result = await callAction(login, "/login", { form: { email: "ikke-en-mail", password: "" } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ email: ["validation.email"], password: ["validation.required"] });
    expect(await prisma.loginAttempt.count()).toBe(0);
    expect(await auditCount()).toBe(1); // only the demo seed
  });

  it("slows down repeated failures, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await callAction(login, "/login", { form: { email: demoEmail.admin, password: "forkert" } });
      expect(r.status).toBe(400);
    }
    const blocked = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD } });
    expect(blocked.status).toBe(429);
    const reply = (blocked.data as { result: { error: Record<string, string[]> } }).result;
    expect(reply.error[""]).toEqual(["For mange mislykkede forsøg. Vent 15 minutter, og prøv igen."]);
    expect(await prisma.session.count()).toBe(0);
  });

  it("records the client IP the server determined, never a forwarded header", async () => {
    const headers = { "X-Forwarded-For": "6.6.6.6" };
    const context = { clientIp: "203.0.113.7" };
    await callAction(login, "/login", { form: { email: demoEmail.admin, password: "forkert" }, headers, context });
    await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD }, headers, context });
    const attempts = await prisma.loginAttempt.findMany({ select: { ip: true } });
    expect(attempts.map((a) => a.ip)).toEqual(["203.0.113.7", "203.0.113.7"]);
    const audits = await prisma.auditEvent.findMany({ where: { action: { startsWith: "auth." } }, select: { after: true } });
    expect(audits.map((a) => (a.after as { ip: string }).ip)).toEqual(["203.0.113.7", "203.0.113.7"]);
  });

  it("refuses deactivated users", async () => {
    await prisma.user.update({ where: { email: demoEmail.admin }, data: { active: false } });
    const result = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD } });
    expect(result.status).toBe(400);
  });

  it("never redirects off-site after login", async () => {
    const result = await callAction(login, "/login", {
      form: { email: demoEmail.admin, password: DEMO_PASSWORD, redirectTo: "//evil.example/x" },
    });
    expect(result.location).toBe("/");
  });

  it.each(["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\\evil.example", "/.//evil.example", "https://evil.example/"])(
    "ignores the redirect target %j and goes home",
    async (redirectTo) => {
      const result = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD, redirectTo } });
      expect(result.status).toBe(302);
      expect(result.location).toBe("/");
    },
  );

  it("sends a logged-in visitor only to a local path", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callLoader(login, `/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`, { cookie });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });

  it("lists demo users on the login page in demo mode", async () => {
    const page = await callLoader(login, "/login");
    const users = (page.data as { demoUsers: { email: string }[] }).demoUsers;
    expect(users.map((u) => u.email)).toContain(demoEmail.finance);
  });
});

describe("sessions", () => {
  it("sends anonymous visitors to the login page and back", async () => {
    const result = await callLoader(home, "/pool-years?x=1");
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fpool-years%3Fx%3D1");
  });

  it("treats an expired session as logged out", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    await prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callLoader(home, "/", { cookie })).status).toBe(302);
  });

  it("ends a session at the absolute limit even while it is in use", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);
    // Logged in 11 hours ago and used a minute ago: still valid.
    await prisma.session.updateMany({ data: { createdAt: hoursAgo(11), lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
    expect((await callLoader(home, "/", { cookie })).status).toBe(200);
    // Logged in 12 hours and a minute ago: over, however recently it was used.
    await prisma.session.updateMany({ data: { createdAt: hoursAgo(12.02), lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
    expect((await callLoader(home, "/", { cookie })).status).toBe(302);
  });

  it("never extends a session past the absolute limit", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const createdAt = new Date(Date.now() - 11.5 * 60 * 60 * 1000);
    await prisma.session.updateMany({ data: { createdAt, lastSeenAt: new Date(Date.now() - 10 * 60 * 1000) } });
    expect((await callLoader(home, "/", { cookie })).status).toBe(200);
    const session = await prisma.session.findFirstOrThrow({ select: { expiresAt: true } });
    expect(session.expiresAt.getTime()).toBe(createdAt.getTime() + 12 * 60 * 60 * 1000);
  });

  it("logout ends the session in the database and audits it", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(logout, "/logout", { cookie });
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await prisma.session.count()).toBe(0);
    expect(await auditCount("auth.logout")).toBe(1);
    expect((await callLoader(home, "/", { cookie })).status).toBe(302);
  });
});
