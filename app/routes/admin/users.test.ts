import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_PASSWORD } from "../../../prisma/seed-data";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type CallResult, type RouteModule } from "../../../tests/route-utils";
import * as home from "../home";
import * as userEditRoute from "./user-edit";
import * as userNewRoute from "./user-new";
import * as usersRoute from "./users";

// Route modules with URL params have typed loader args; the test harness passes plain params.
const userEdit = userEditRoute as unknown as RouteModule;
const userNew = userNewRoute as unknown as RouteModule;
const users = usersRoute as unknown as RouteModule;

beforeEach(resetToDemo);

async function idOf(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
async function areaIdOf(code: string) {
  return (await prisma.area.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}
async function unitIdOf(areaCode: string, name: string) {
  return (await prisma.unit.findFirstOrThrow({ where: { name, area: { code: areaCode } }, select: { id: true } })).id;
}

/** Everything a user mutation could change. */
async function userState() {
  return {
    users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
    roles: await prisma.userRole.findMany({ orderBy: { id: "asc" } }),
    sessions: await prisma.session.findMany({ orderBy: { id: "asc" }, select: { id: true } }),
    audits: await auditCount(),
  };
}

function formErrors(result: CallResult): string[] {
  return fieldErrors(result)[""] ?? [];
}

function initialValue(result: CallResult): Record<string, unknown> {
  return ((result.data as { result: { initialValue?: Record<string, unknown> } }).result.initialValue ?? {}) as Record<string, unknown>;
}

async function newUserForm(overrides: Record<string, string | string[]> = {}) {
  return {
    email: "Ny.Bruger@Demo.Aarhus.dk",
    name: "Nina Ny",
    unitId: await unitIdOf("JUS", "Center for Socialpsykiatri"),
    roles: ["APPLICANT"],
    password: "en-lang-adgangskode",
    ...overrides,
  };
}

interface ListData {
  users: { email: string; active: boolean; roles: { role: string; areaCode: string | null }[] }[];
  total: number;
  page: number;
  pages: number;
  filter: { q: string; role: string; areaId: string; status: string };
}

async function list(query: string): Promise<ListData> {
  const result = await callLoader(users, `/admin/users${query}`, { cookie: await cookieFor(demoEmail.admin) });
  expect(result.status).toBe(200);
  return result.data as ListData;
}

describe("permissions", () => {
  const nonAdmins = ROLES.filter((r) => r !== "ADMIN");

  async function pages(): Promise<{ module: RouteModule; path: string; params: Record<string, string>; forms: Record<string, string | string[]>[] }[]> {
    const userId = await idOf(demoEmail.applicant);
    return [
      { module: users, path: "/admin/users", params: {}, forms: [] },
      { module: userNew, path: "/admin/users/new", params: {}, forms: [await newUserForm()] },
      {
        module: userEdit,
        path: `/admin/users/${userId}`,
        params: { userId },
        forms: [
          { intent: "update", email: demoEmail.applicant, name: "X", roles: ["ADMIN"] },
          { intent: "setPassword", password: "en-lang-adgangskode" },
          { intent: "setActive", active: "false", confirmed: "yes" },
        ],
      },
    ];
  }

  it.each(nonAdmins)("answers 403 to %s on every user admin loader and action, and changes nothing", async (role) => {
    const cookie = await cookieFor(demoEmailFor(role));
    const before = await userState();
    for (const page of await pages()) {
      expect((await callLoader(page.module, page.path, { params: page.params, cookie })).status, page.path).toBe(403);
      for (const form of page.forms) {
        expect((await callAction(page.module, page.path, { params: page.params, cookie, form })).status, page.path).toBe(403);
      }
    }
    expect(await userState()).toEqual(before);
  });

  it("sends anonymous visitors to the login page", async () => {
    for (const page of await pages()) {
      expect((await callLoader(page.module, page.path, { params: page.params })).status).toBe(302);
      for (const form of page.forms) expect((await callAction(page.module, page.path, { params: page.params, form })).status).toBe(302);
    }
  });

  it("answers 404 for an unknown user", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    expect((await callLoader(userEdit, "/admin/users/nope", { params: { userId: "nope" }, cookie })).status).toBe(404);
    expect(
      (await callAction(userEdit, "/admin/users/nope", { params: { userId: "nope" }, cookie, form: { intent: "setPassword", password: "en-lang-adgangskode" } })).status,
    ).toBe(404);
  });
});

describe("/admin/users list", () => {
  it("lists the active users by name by default", async () => {
    const data = await list("");
    expect(data.total).toBe(9);
    expect(data.users[0]!.email).toBe(demoEmail.admin); // Adam Ahmadi
    expect(data.filter).toEqual({ q: "", role: "", areaId: "", status: "active" });
  });

  it("filters on free text in name or e-mail", async () => {
    expect((await list("?q=anna")).users.map((u) => u.email)).toEqual([demoEmail.applicant]);
    expect((await list("?q=CHEF.")).users.map((u) => u.email).sort()).toEqual([demoEmail.areaLead, demoEmail.areaLeadOtherArea]);
  });

  it("filters on role and shows the led area", async () => {
    const data = await list("?role=AREA_LEAD");
    expect(data.total).toBe(2);
    expect(data.users.flatMap((u) => u.roles)).toEqual(
      expect.arrayContaining([{ role: "AREA_LEAD", areaCode: "BUU" }, { role: "AREA_LEAD", areaCode: "VJH" }]),
    );
  });

  it("filters on area (home unit or led area)", async () => {
    const data = await list(`?areaId=${await areaIdOf("BUU")}`);
    expect(data.users.map((u) => u.email).sort()).toEqual([demoEmail.applicant, demoEmail.areaLead].sort());
  });

  it("filters on status", async () => {
    await prisma.user.update({ where: { email: demoEmail.hmu }, data: { active: false } });
    expect((await list("?status=inactive")).users.map((u) => u.email)).toEqual([demoEmail.hmu]);
    expect((await list("")).total).toBe(8);
    expect((await list("?status=all")).total).toBe(9);
  });

  it("falls back to defaults on bad search params", async () => {
    const data = await list("?role=KING&status=maybe&page=abc&areaId=nope");
    expect(data.total).toBe(9);
    expect(data.filter).toEqual({ q: "", role: "", areaId: "", status: "active" });
    expect(data.page).toBe(1);
  });

  it("pages through long lists", async () => {
    await prisma.user.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ email: `bulk${String(i).padStart(2, "0")}@demo.aarhus.dk`, name: `Zz Bulk ${String(i).padStart(2, "0")}` })),
    });
    const first = await list("");
    expect(first).toMatchObject({ total: 69, page: 1, pages: 2 });
    expect(first.users).toHaveLength(50);
    const second = await list("?page=2");
    expect(second.users).toHaveLength(19);
    expect(second.users.at(-1)!.email).toBe("bulk59@demo.aarhus.dk");
    expect((await list("?page=99")).page).toBe(2);
  });
});

describe("create user", () => {
  it("creates the user with lower-case e-mail, roles, a working password, and audits it without the hash", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const buu = await areaIdOf("BUU");
    const result = await callAction(userNew, "/admin/users/new", {
      cookie,
      form: await newUserForm({ roles: ["APPLICANT", "AREA_LEAD"], leadAreaId: buu }),
    });
    expect(result.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ny.bruger@demo.aarhus.dk" }, include: { roles: true } });
    expect(result.location).toBe(`/admin/users/${user.id}?ok=created`);
    expect(user).toMatchObject({ name: "Nina Ny", active: true, unitId: await unitIdOf("JUS", "Center for Socialpsykiatri") });
    expect(user.roles.map((r) => ({ role: r.role, areaId: r.areaId, unitId: r.unitId })).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: "APPLICANT", areaId: null, unitId: null },
      { role: "AREA_LEAD", areaId: buu, unitId: null },
    ]);
    expect(await verifyPassword("en-lang-adgangskode", user.passwordHash)).toBe(true);

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.create" } });
    expect(event).toMatchObject({ entityType: "User", entityId: user.id });
    expect(event.after).toMatchObject({ email: "ny.bruger@demo.aarhus.dk", roles: [{ role: "APPLICANT" }, { role: "AREA_LEAD", areaId: buu }] });
    const json = JSON.stringify([event.before, event.after]);
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain("argon2");
    expect(json).not.toContain("en-lang-adgangskode");
  });

  it("stores an applicant's explicit unit", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const applyFor = await unitIdOf("JUS", "Center for Udsatte Voksne");
    const result = await callAction(userNew, "/admin/users/new", { cookie, form: await newUserForm({ applicantUnitId: applyFor }) });
    expect(result.status).toBe(302);
    const role = await prisma.userRole.findFirstOrThrow({ where: { user: { email: "ny.bruger@demo.aarhus.dk" } } });
    expect(role).toMatchObject({ role: "APPLICANT", unitId: applyFor });
  });

  it.each([
    ["email", { email: "ANSOEGER@demo.aarhus.dk" }, "users.error.emailTaken"],
    ["email", { email: "ikke-en-mail" }, "validation.email"],
    ["name", { name: "" }, "validation.required"],
    ["roles", { roles: [] }, "users.error.roleRequired"],
    ["roles", { roles: ["KING"] }, "validation.invalid"],
    ["leadAreaId", { roles: ["AREA_LEAD"] }, "users.error.areaRequired"],
    ["leadAreaId", { roles: ["AREA_LEAD"], leadAreaId: "no-such-area" }, "validation.choose"],
    ["applicantUnitId", { unitId: "", roles: ["APPLICANT"] }, "users.error.applicantUnitRequired"],
    ["unitId", { unitId: "no-such-unit" }, "validation.choose"],
    ["password", { password: "kort" }, "users.error.passwordTooShort"],
    ["password", { password: "" }, "validation.required"],
  ] as const)("puts an error next to %s (%o), changes nothing and never echoes the password", async (field, overrides, key) => {
    const cookie = await cookieFor(demoEmail.admin);
    const before = await userState();
    const result = await callAction(userNew, "/admin/users/new", { cookie, form: await newUserForm(overrides as Record<string, string | string[]>) });
    expect(result.status).toBe(400);
    const errors = fieldErrors(result);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]![0]).toBe(key);
    expect(initialValue(result)).not.toHaveProperty("password");
    expect(await userState()).toEqual(before);
  });
});

describe("edit user", () => {
  it("loads the user without the password hash", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.areaLead);
    const page = await callLoader(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie });
    expect(page.status).toBe(200);
    const target = (page.data as { target: Record<string, unknown> }).target;
    expect(target).toMatchObject({ email: demoEmail.areaLead, roles: ["AREA_LEAD"], leadAreaId: await areaIdOf("BUU") });
    expect(target).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(page.data)).not.toContain("argon2");
  });

  it("updates name, e-mail, unit and roles, and audits before/after", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const vjh = await areaIdOf("VJH");
    const unitId = await unitIdOf("VJH", "Center for Job og Handicap");
    const result = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "update", email: "Anna.A@demo.aarhus.dk", name: "Anna A. Andersen", unitId, roles: ["AREA_LEAD", "SECRETARIAT"], leadAreaId: vjh },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/admin/users/${userId}?ok=saved`);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: true } });
    expect(user).toMatchObject({ email: "anna.a@demo.aarhus.dk", name: "Anna A. Andersen", unitId });
    expect(user.roles.map((r) => [r.role, r.areaId]).sort()).toEqual([
      ["AREA_LEAD", vjh],
      ["SECRETARIAT", null],
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.update" } });
    expect(event.entityId).toBe(userId);
    expect(event.before).toMatchObject({ email: demoEmail.applicant, roles: [{ role: "APPLICANT" }] });
    expect(event.after).toMatchObject({ email: "anna.a@demo.aarhus.dk", roles: [{ role: "AREA_LEAD", areaId: vjh }, { role: "SECRETARIAT" }] });
    expect(JSON.stringify([event.before, event.after])).not.toContain("argon2");
  });

  it.each([
    ["email", { email: demoEmail.hmu.toUpperCase() }, "users.error.emailTaken"],
    ["leadAreaId", { roles: ["AREA_LEAD"], leadAreaId: "" }, "users.error.areaRequired"],
    ["roles", { roles: [] }, "users.error.roleRequired"],
  ] as const)("refuses a bad %s and changes nothing", async (field, overrides, key) => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "update", email: demoEmail.applicant, name: "Anna Andersen", roles: ["APPLICANT"], ...(overrides as Record<string, string | string[]>) },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [key] });
    expect(await userState()).toEqual(before);
  });

  it("keeps an admin from removing their own ADMIN role", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.admin);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "update", email: demoEmail.admin, name: "Adam Ahmadi", roles: ["SECRETARIAT"] },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ roles: ["users.error.ownAdminRole"] });
    expect(await userState()).toEqual(before);
  });

  it("lets an admin take the ADMIN role from another admin", async () => {
    const other = await prisma.user.create({ data: { email: "admin2@demo.aarhus.dk", name: "Anden Admin", roles: { create: [{ role: "ADMIN" }] } } });
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(userEdit, `/admin/users/${other.id}`, {
      params: { userId: other.id },
      cookie,
      form: { intent: "update", email: "admin2@demo.aarhus.dk", name: "Anden Admin", roles: ["FINANCE"] },
    });
    expect(result.status).toBe(302);
    expect((await prisma.userRole.findMany({ where: { userId: other.id } })).map((r) => r.role)).toEqual(["FINANCE"]);
  });

  it("answers 400 to an unknown intent", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const result = await callAction(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie, form: { intent: "delete" } });
    expect(result.status).toBe(400);
  });
});

describe("set password", () => {
  it("sets a new password, ends the user's sessions and audits it without the hash", async () => {
    const targetCookie = await cookieFor(demoEmail.applicant);
    expect((await callLoader(home, "/", { cookie: targetCookie })).status).toBe(200);
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const result = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "setPassword", password: "helt-ny-adgangskode" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/admin/users/${userId}?ok=password`);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword("helt-ny-adgangskode", user.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(false);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
    expect((await callLoader(home, "/", { cookie: targetCookie })).status).toBe(302);
    expect((await callLoader(home, "/", { cookie })).status).toBe(200); // the admin stays logged in
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.setPassword" } });
    expect(event).toMatchObject({ entityType: "User", entityId: userId, after: { passwordChanged: true, sessionsEnded: 1 } });
    expect(JSON.stringify([event.before, event.after])).not.toContain("argon2");
  });

  it("keeps the admin's own session when they change their own password", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const otherSession = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.admin);
    const result = await callAction(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie, form: { intent: "setPassword", password: "helt-ny-adgangskode" } });
    expect(result.status).toBe(302);
    expect((await callLoader(home, "/", { cookie })).status).toBe(200);
    expect((await callLoader(home, "/", { cookie: otherSession })).status).toBe(302);
  });

  it("refuses a short password, changes nothing and does not echo it", async () => {
    await cookieFor(demoEmail.applicant);
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie, form: { intent: "setPassword", password: "123456789" } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ password: ["users.error.passwordTooShort"] });
    expect(initialValue(result)).not.toHaveProperty("password");
    expect(initialValue(result)).toMatchObject({ intent: "setPassword" });
    expect(await userState()).toEqual(before);
  });

  it.each([
    ["aaaaaaaaaa", "users.error.password.repeated"],
    ["1234567890", "users.error.password.common"],
    ["qwertyuiop", "users.error.password.common"],
    ["Kompetencepuljen1", "users.error.password.weak"],
  ])("refuses the weak password %j with the reason next to the field and changes nothing", async (password, reason) => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie, form: { intent: "setPassword", password } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ password: [reason] });
    expect(initialValue(result)).not.toHaveProperty("password");
    expect(await userState()).toEqual(before);
  });

  it("refuses a weak first password when creating a user", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(userNew, "/admin/users/new", { cookie, form: await newUserForm({ password: "1234567890" }) });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ password: ["users.error.password.common"] });
    expect(await prisma.user.count({ where: { email: "ny.bruger@demo.aarhus.dk" } })).toBe(0);
  });
});

describe("deactivate and reactivate", () => {
  it("shows the confirmation step for a possible change only", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const confirmOf = async (id: string, query: string) =>
      ((await callLoader(userEdit, `/admin/users/${id}${query}`, { params: { userId: id }, cookie })).data as { confirm: string | null }).confirm;
    expect(await confirmOf(userId, "?confirm=deactivate")).toBe("deactivate");
    expect(await confirmOf(userId, "?confirm=reactivate")).toBeNull();
    expect(await confirmOf(userId, "")).toBeNull();
    expect(await confirmOf(await idOf(demoEmail.admin), "?confirm=deactivate")).toBeNull(); // not oneself
  });

  it("deactivates after confirmation, ends the sessions, and audits it", async () => {
    const targetCookie = await cookieFor(demoEmail.applicant);
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const result = await callAction(userEdit, `/admin/users/${userId}?confirm=deactivate`, {
      params: { userId },
      cookie,
      form: { intent: "setActive", active: "false", confirmed: "yes" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/admin/users/${userId}?ok=deactivated`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).active).toBe(false);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
    expect((await callLoader(home, "/", { cookie: targetCookie })).status).toBe(302);
    expect(await prisma.user.count({ where: { id: userId } })).toBe(1); // not deleted
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "users.setActive" } });
    expect(event).toMatchObject({ entityId: userId, before: { active: true }, after: { active: false, sessionsEnded: 1 } });

    const again = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "setActive", active: "true", confirmed: "yes" },
    });
    expect(again.location).toBe(`/admin/users/${userId}?ok=reactivated`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).active).toBe(true);
    expect(await auditCount("users.setActive")).toBe(2);
  });

  it("does nothing without the confirmation", async () => {
    await cookieFor(demoEmail.applicant);
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.applicant);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, { params: { userId }, cookie, form: { intent: "setActive", active: "false" } });
    expect(result.status).toBe(400);
    expect(formErrors(result)).toEqual(["users.error.confirmRequired"]);
    expect(await userState()).toEqual(before);
  });

  it("keeps an admin from deactivating themselves", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const userId = await idOf(demoEmail.admin);
    const before = await userState();
    const result = await callAction(userEdit, `/admin/users/${userId}`, {
      params: { userId },
      cookie,
      form: { intent: "setActive", active: "false", confirmed: "yes" },
    });
    expect(result.status).toBe(400);
    expect(formErrors(result)).toEqual(["users.error.selfDeactivate"]);
    expect(await userState()).toEqual(before);
    expect((await callLoader(home, "/", { cookie })).status).toBe(200);
  });
});
