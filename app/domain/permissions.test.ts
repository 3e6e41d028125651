import { describe, expect, it } from "vitest";
import { ACTIONS, POLICY, ROLES, can, privateScopeUnitIds, scopeFilter, type PermissionSubject, type Role } from "./permissions";

function user(role: Role, opts: { unitId?: string; areaId?: string; grantUnitId?: string } = {}): PermissionSubject {
  return {
    id: `u-${role}`,
    unitId: opts.unitId ?? "unit-a1",
    roles: [{ role, areaId: opts.areaId ?? null, unitId: opts.grantUnitId ?? null }],
  };
}

const ownUnit = { areaId: "area-a", unitId: "unit-a1" };
const sameAreaOtherUnit = { areaId: "area-a", unitId: "unit-a2" };
const otherArea = { areaId: "area-b", unitId: "unit-b1" };

describe("can", () => {
  it("denies anonymous users everything", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("scopes an applicant to the own unit", () => {
    const applicant = user("APPLICANT");
    expect(can(applicant, "unit:read")).toBe(true);
    expect(can(applicant, "unit:read", ownUnit)).toBe(true);
    expect(can(applicant, "unit:read", sameAreaOtherUnit)).toBe(false);
    expect(can(applicant, "unit:read", otherArea)).toBe(false);
  });

  it("uses an applicant grant's unit before the home unit", () => {
    const applicant = user("APPLICANT", { unitId: "unit-a1", grantUnitId: "unit-b1" });
    expect(can(applicant, "unit:read", otherArea)).toBe(true);
    expect(can(applicant, "unit:read", ownUnit)).toBe(false);
  });

  it("scopes an area lead to the led area", () => {
    const lead = user("AREA_LEAD", { areaId: "area-a" });
    expect(can(lead, "unit:read", ownUnit)).toBe(true);
    expect(can(lead, "unit:read", sameAreaOtherUnit)).toBe(true);
    expect(can(lead, "unit:read", otherArea)).toBe(false);
  });

  it("an area lead without an area sees no records", () => {
    const lead = user("AREA_LEAD");
    expect(can(lead, "unit:read", ownUnit)).toBe(false);
    expect(scopeFilter(lead, "unit:read")).toEqual({ kind: "none" });
  });

  it("never lets HMU observers read unit staff (personal data)", () => {
    const hmu = user("HMU");
    expect(can(hmu, "unit:read")).toBe(false);
    expect(can(hmu, "unit:read", ownUnit)).toBe(false);
    expect(can(hmu, "poolYear:read")).toBe(true);
  });

  it("keeps administration to admin and money to finance", () => {
    for (const role of ROLES) {
      expect(can(user(role), "user:manage")).toBe(role === "ADMIN");
      expect(can(user(role), "organisation:manage")).toBe(role === "ADMIN");
      expect(can(user(role), "poolYear:manage")).toBe(role === "FINANCE");
    }
  });

  it("combines grants of several roles", () => {
    const both: PermissionSubject = {
      id: "x",
      unitId: "unit-a1",
      roles: [
        { role: "APPLICANT", areaId: null, unitId: null },
        { role: "AREA_LEAD", areaId: "area-b", unitId: null },
      ],
    };
    expect(can(both, "unit:read", ownUnit)).toBe(true);
    expect(can(both, "unit:read", otherArea)).toBe(true);
    expect(can(both, "unit:read", sameAreaOtherUnit)).toBe(false);
    expect(scopeFilter(both, "unit:read")).toEqual({ kind: "some", areaIds: ["area-b"], unitIds: ["unit-a1"] });
  });

  it("every policy entry names only known roles and scopes", () => {
    for (const action of ACTIONS) {
      for (const [role, scope] of Object.entries(POLICY[action])) {
        expect(ROLES).toContain(role);
        expect(["all", "area", "unit"]).toContain(scope);
      }
    }
  });
});

describe("scopeFilter", () => {
  it("is all for the secretariat", () => {
    expect(scopeFilter(user("SECRETARIAT"), "unit:read")).toEqual({ kind: "all" });
  });
  it("is none for a role without the action", () => {
    expect(scopeFilter(user("HMU"), "unit:read")).toEqual({ kind: "none" });
  });
});

describe("unit-private records", () => {
  it("are covered only by grants scoped to the unit", () => {
    const record = { ...ownUnit, unitPrivate: true };
    expect(can(user("APPLICANT"), "application:read", record)).toBe(true);
    expect(can(user("AREA_LEAD", { areaId: "area-a" }), "application:read", record)).toBe(false);
    expect(can(user("SECRETARIAT"), "application:read", record)).toBe(false);
    expect(can(user("APPLICANT"), "application:read", { ...sameAreaOtherUnit, unitPrivate: true })).toBe(false);
  });

  it("privateScopeUnitIds lists the units of unit-scoped grants only", () => {
    expect(privateScopeUnitIds(user("APPLICANT", { grantUnitId: "unit-b1" }), "application:read")).toEqual(["unit-b1"]);
    expect(privateScopeUnitIds(user("APPLICANT"), "application:read")).toEqual(["unit-a1"]);
    expect(privateScopeUnitIds(user("SECRETARIAT"), "application:read")).toEqual([]);
    expect(privateScopeUnitIds(user("AREA_LEAD", { areaId: "area-a" }), "application:read")).toEqual([]);
  });
});
