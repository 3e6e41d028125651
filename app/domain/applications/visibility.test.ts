import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, ROLES, type PermissionSubject, type Role } from "../permissions";
import { APPLICATION_STATUSES } from "./status";
import { applicationRecordScope, isUnitPrivate } from "./visibility";

function user(role: Role, opts: { areaId?: string } = {}): PermissionSubject {
  return { id: `u-${role}`, unitId: "unit-a1", roles: [{ role, areaId: opts.areaId ?? null, unitId: null }] };
}

const submitted = new Date("2026-11-01T09:00:00Z");
const place = { areaId: "area-a", unitId: "unit-a1" };

describe("isUnitPrivate", () => {
  it("holds for a draft and for a draft withdrawn before it was ever submitted", () => {
    expect(isUnitPrivate({ status: "DRAFT", submittedAt: null })).toBe(true);
    expect(isUnitPrivate({ status: "WITHDRAWN", submittedAt: null })).toBe(true);
    expect(isUnitPrivate({ status: "WITHDRAWN" })).toBe(true);
  });

  it("does not hold once the application was submitted: returned and withdrawn ones stay visible", () => {
    expect(isUnitPrivate({ status: "RETURNED", submittedAt: submitted })).toBe(false);
    expect(isUnitPrivate({ status: "WITHDRAWN", submittedAt: submitted })).toBe(false);
    for (const status of APPLICATION_STATUSES.filter((s) => s !== "DRAFT" && s !== "WITHDRAWN")) {
      expect(isUnitPrivate({ status, submittedAt: null }), status).toBe(false);
    }
  });
});

describe("reading an application by where it stands", () => {
  it("a draft is read only by the applying unit's applicant, in every status that is still private", () => {
    const draft = applicationRecordScope({ ...place, status: "DRAFT", submittedAt: null });
    expect(can(user("APPLICANT"), "application:read", draft)).toBe(true);
    expect(can(user("APPLICANT"), "application:edit", draft)).toBe(true);
    expect(can(user("AREA_LEAD", { areaId: "area-a" }), "application:read", draft)).toBe(false);
    for (const role of ["SECRETARIAT", "LEADERSHIP", "FINANCE", "HMU", "ADMIN"] as const) {
      expect(can(user(role), "application:read", draft), role).toBe(false);
      expect(can(user(role), "application:return", draft), role).toBe(false);
    }
  });

  it("a submitted, returned or withdrawn-after-submission application is read as before", () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES.filter((s) => s !== "DRAFT")), fc.constantFrom(...ROLES), (status, role) => {
        const scope = applicationRecordScope({ ...place, status, submittedAt: submitted });
        const withoutRule = { areaId: place.areaId, unitId: place.unitId };
        const subject = user(role, { areaId: "area-a" });
        expect(can(subject, "application:read", scope)).toBe(can(subject, "application:read", withoutRule));
      }),
    );
  });

  it("a user with a wide grant besides an applicant grant still sees the own unit's drafts, no others", () => {
    const both: PermissionSubject = {
      id: "u-both",
      unitId: "unit-a1",
      roles: [
        { role: "SECRETARIAT", areaId: null, unitId: null },
        { role: "APPLICANT", areaId: null, unitId: null },
      ],
    };
    expect(can(both, "application:read", applicationRecordScope({ ...place, status: "DRAFT" }))).toBe(true);
    expect(can(both, "application:read", applicationRecordScope({ areaId: "area-a", unitId: "unit-a2", status: "DRAFT" }))).toBe(false);
  });
});
