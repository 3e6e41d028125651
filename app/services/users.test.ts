import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { translate } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { MIN_PASSWORD_LENGTH } from "~/utils/password.server";
import { actorFor, auditCount, demoEmail, demoEmailFor, resetToDemo } from "../../tests/db-utils";
import { FieldError } from "./mutation.server";
import { createUser, setUserActive, setUserPassword, updateUser, userMutations, type UserInput } from "./users.server";

beforeEach(resetToDemo);

async function idOf(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

function input(overrides: Partial<UserInput> = {}): UserInput {
  return { email: "ny@demo.aarhus.dk", name: "Ny", unitId: null, roles: ["FINANCE"], leadAreaId: null, applicantUnitId: null, ...overrides };
}

describe("userMutations", () => {
  it("lists every user mutation, each for admins only", () => {
    expect(userMutations.map((m) => m.mutationName)).toEqual(["users.create", "users.update", "users.setPassword", "users.setActive"]);
    expect(new Set(userMutations.map((m) => m.permission))).toEqual(new Set(["user:manage"]));
  });

  it.each(ROLES.filter((r) => r !== "ADMIN"))("refuses %s with 403 and writes nothing", async (role) => {
    const actor = await actorFor(demoEmailFor(role));
    const id = await idOf(demoEmail.applicant);
    const before = await auditCount();
    for (const call of [
      () => createUser(actor, { ...input(), password: "en-lang-adgangskode" }),
      () => updateUser(actor, { id, ...input() }),
      () => setUserPassword(actor, { id, password: "en-lang-adgangskode" }),
      () => setUserActive(actor, { id, active: false }),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "PermissionError", status: 403 });
    }
    expect(await auditCount()).toBe(before);
    expect(await prisma.user.count()).toBe(9);
  });
});

describe("rules in the service (also when called without a form)", () => {
  it("stores e-mail lower-case and finds duplicates whatever the case", async () => {
    const admin = await actorFor(demoEmail.admin);
    const { id } = await createUser(admin, { ...input({ email: " Ny@Demo.Aarhus.DK " }), password: "en-lang-adgangskode" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).email).toBe("ny@demo.aarhus.dk");
    await expect(createUser(admin, { ...input({ email: "NY@demo.aarhus.dk" }), password: "en-lang-adgangskode" })).rejects.toEqual(
      new FieldError("email", "users.error.emailTaken"),
    );
  });

  it("requires an area for an area lead and a unit for an applicant", async () => {
    const admin = await actorFor(demoEmail.admin);
    await expect(createUser(admin, { ...input({ roles: ["AREA_LEAD"] }), password: "en-lang-adgangskode" })).rejects.toEqual(
      new FieldError("leadAreaId", "users.error.areaRequired"),
    );
    await expect(createUser(admin, { ...input({ roles: ["APPLICANT"] }), password: "en-lang-adgangskode" })).rejects.toEqual(
      new FieldError("applicantUnitId", "users.error.applicantUnitRequired"),
    );
    await expect(createUser(admin, { ...input({ roles: [] }), password: "en-lang-adgangskode" })).rejects.toEqual(
      new FieldError("roles", "users.error.roleRequired"),
    );
    expect(await prisma.user.count()).toBe(9);
  });

  it("ignores scopes of roles the user does not get", async () => {
    const admin = await actorFor(demoEmail.admin);
    const area = await prisma.area.findFirstOrThrow();
    const { id } = await createUser(admin, { ...input({ leadAreaId: area.id }), password: "en-lang-adgangskode" });
    expect(await prisma.userRole.findMany({ where: { userId: id }, select: { role: true, areaId: true, unitId: true } })).toEqual([
      { role: "FINANCE", areaId: null, unitId: null },
    ]);
  });

  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters, and says so in Danish`, async () => {
    const admin = await actorFor(demoEmail.admin);
    const short = "x".repeat(MIN_PASSWORD_LENGTH - 1);
    await expect(createUser(admin, { ...input(), password: short })).rejects.toEqual(new FieldError("password", "users.error.passwordTooShort"));
    await expect(setUserPassword(admin, { id: await idOf(demoEmail.hmu), password: short })).rejects.toEqual(
      new FieldError("password", "users.error.passwordTooShort"),
    );
    await createUser(admin, { ...input(), password: "tre ord uden sammenhæng" });
    expect(translate("da", "users.error.passwordTooShort")).toContain(`mindst ${MIN_PASSWORD_LENGTH} tegn`);
    expect(translate("en", "users.error.passwordTooShort")).toContain(`at least ${MIN_PASSWORD_LENGTH} characters`);
  });

  it("refuses long but weak passwords and says why in Danish", async () => {
    const admin = await actorFor(demoEmail.admin);
    const hmu = await idOf(demoEmail.hmu);
    const hmuUser = await prisma.user.findUniqueOrThrow({ where: { id: hmu }, select: { name: true } });
    const cases = [
      ["aaaaaaaaaa", "users.error.password.repeated"],
      ["1234567890", "users.error.password.common"],
      ["password2026", "users.error.password.common"],
      // The user's own name (an unknown name would pass).
      [hmuUser.name.replace(" ", "").toLowerCase(), "users.error.password.personal"],
    ] as const;
    for (const [password, reason] of cases) {
      await expect(setUserPassword(admin, { id: hmu, password }), password).rejects.toEqual(new FieldError("password", reason));
    }
    await expect(createUser(admin, { ...input(), password: "aaaaaaaaaa" })).rejects.toEqual(new FieldError("password", "users.error.password.repeated"));
    expect(await prisma.user.count({ where: { email: "ny@demo.aarhus.dk" } })).toBe(0);
    expect(translate("da", "users.error.password.common")).toContain("for almindelig");
    expect(translate("da", "users.error.password.repeated")).toContain("gentager");
  });

  it("keeps an admin from deactivating themselves or dropping their own ADMIN role", async () => {
    const admin = await actorFor(demoEmail.admin);
    const id = admin.user!.id;
    await expect(setUserActive(admin, { id, active: false })).rejects.toEqual(new FieldError("", "users.error.selfDeactivate"));
    await expect(updateUser(admin, { id, ...input({ email: demoEmail.admin, roles: ["FINANCE"] }) })).rejects.toEqual(
      new FieldError("roles", "users.error.ownAdminRole"),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id }, include: { roles: true } })).roles.map((r) => r.role)).toEqual(["ADMIN"]);
    // Reactivating (a no-op) and keeping ADMIN is allowed.
    await setUserActive(admin, { id, active: true });
    await updateUser(admin, { id, ...input({ email: demoEmail.admin, roles: ["ADMIN", "FINANCE"] }) });
  });

  it("never writes a password hash into the audit trail", async () => {
    const admin = await actorFor(demoEmail.admin);
    const { id } = await createUser(admin, { ...input(), password: "en-lang-adgangskode" });
    await updateUser(admin, { id, ...input({ name: "Omdøbt" }) });
    await setUserPassword(admin, { id, password: "endnu-en-adgangskode" });
    await setUserActive(admin, { id, active: false });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "User", entityId: id } });
    expect(events.map((e) => e.action).sort()).toEqual(["users.create", "users.setActive", "users.setPassword", "users.update"]);
    const json = JSON.stringify(events.map((e) => [e.before, e.after]));
    expect(json).not.toMatch(/passwordHash|argon2|adgangskode/);
  });
});
