import { describe, expect, it } from "vitest";
import {
  auditDiff,
  auditEventDetail,
  auditEventFields,
  auditMoneyValue,
  auditScope,
  auditScopeCovers,
  isPoolEntityType,
  nextIsoDate,
  POOL_ENTITY_TYPES,
  startOfDayInZone,
} from "./audit";
import type { PermissionSubject, Role } from "./permissions";

const userWith = (role: Role): PermissionSubject => ({ id: "u", unitId: null, roles: [{ role, areaId: null, unitId: null }] });

describe("pool entity types", () => {
  it("holds pool years and budget adjustments, and room for later pool records", () => {
    expect(POOL_ENTITY_TYPES).toEqual(expect.arrayContaining(["PoolYear", "BudgetAdjustment", "Round", "Application", "Decision", "Grant", "SpendingEntry"]));
  });
  it("does not count users, logins or the organisation as pool records", () => {
    for (const type of ["User", "LoginAttempt", "Area", "Unit", "Database", "Session"]) expect(isPoolEntityType(type)).toBe(false);
    expect(isPoolEntityType("PoolYear")).toBe(true);
  });
});

describe("auditScope", () => {
  it.each([
    ["ADMIN", "all"],
    ["SECRETARIAT", "pool"],
    ["APPLICANT", null],
    ["AREA_LEAD", null],
    ["LEADERSHIP", null],
    ["FINANCE", null],
    ["HMU", null],
  ] as const)("%s → %s", (role, scope) => expect(auditScope(userWith(role))).toBe(scope));
  it("gives nothing to nobody", () => expect(auditScope(null)).toBeNull());
  it("lets the pool scope cover pool records only", () => {
    expect(auditScopeCovers("pool", "BudgetAdjustment")).toBe(true);
    expect(auditScopeCovers("pool", "User")).toBe(false);
    expect(auditScopeCovers("all", "User")).toBe(true);
    expect(auditScopeCovers(null, "PoolYear")).toBe(false);
  });
});

describe("auditDiff", () => {
  it("lists only the keys that changed", () => {
    expect(auditDiff({ name: "A", budgetOre: "100", note: "" }, { name: "A", budgetOre: "200", note: "x" })).toEqual([
      { key: "budgetOre", before: "100", after: "200" },
      { key: "note", before: "", after: "x" },
    ]);
  });
  it("lists every field of a created record", () => {
    expect(auditDiff(null, { year: 2028, budgetOre: "600000000" })).toEqual([
      { key: "year", before: null, after: 2028 },
      { key: "budgetOre", before: null, after: "600000000" },
    ]);
  });
  it("lists removed and added keys", () => {
    expect(auditDiff({ a: 1, b: 2 }, { b: 2, c: 3 })).toEqual([
      { key: "a", before: 1, after: null },
      { key: "c", before: null, after: 3 },
    ]);
  });
  it("compares nested values by content, not key order", () => {
    expect(auditDiff({ x: { a: 1, b: 2 } }, { x: { b: 2, a: 1 } })).toEqual([]);
    expect(auditDiff({ x: [1, 2] }, { x: [2, 1] })).toEqual([{ key: "x", before: [1, 2], after: [2, 1] }]);
  });
  it("is empty without before and after", () => expect(auditDiff(null, undefined)).toEqual([]));
  it("treats a non-object value as one field", () => {
    expect(auditDiff("a", "b")).toEqual([{ key: "", before: "a", after: "b" }]);
    expect(auditDiff(1, 1)).toEqual([]);
  });
});

describe("auditMoneyValue", () => {
  it("reads øre fields", () => {
    expect(auditMoneyValue("budgetOre", "600000000")).toBe(600_000_000n);
    expect(auditMoneyValue("amountOre", "-1")).toBe(-1n);
  });
  it("leaves other fields alone", () => {
    expect(auditMoneyValue("year", "2026")).toBeNull();
    expect(auditMoneyValue("amountOre", "1,5")).toBeNull();
    expect(auditMoneyValue("amountOre", null)).toBeNull();
  });
});

describe("startOfDayInZone", () => {
  it("is 23:00 UTC the day before in Danish winter time", () => {
    expect(startOfDayInZone("2026-11-26").toISOString()).toBe("2026-11-25T23:00:00.000Z");
  });
  it("is 22:00 UTC the day before in Danish summer time", () => {
    expect(startOfDayInZone("2026-08-01").toISOString()).toBe("2026-07-31T22:00:00.000Z");
  });
  it("handles the days of the DST switches", () => {
    expect(startOfDayInZone("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayInZone("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
  it("steps to the next day across month and year ends", () => {
    expect(nextIsoDate("2026-12-31")).toBe("2027-01-01");
    expect(nextIsoDate("2028-02-28")).toBe("2028-02-29");
  });
});

describe("auditEventDetail", () => {
  const submittedAt = new Date("2026-11-12T09:00:00Z");
  const before = new Date("2026-11-10T09:00:00Z");
  const after = new Date("2026-11-14T09:00:00Z");
  const readable = { readable: true, firstSubmittedAt: submittedAt };
  const unreadable = { readable: false, firstSubmittedAt: null };

  it("gives the administrator application events as references, everything else in full", () => {
    expect(auditEventDetail("all", { entityType: "Application", at: after }, unreadable)).toBe("reference");
    expect(auditEventDetail("all", { entityType: "Attachment", at: after }, unreadable)).toBe("reference");
    expect(auditEventDetail("all", { entityType: "Application", at: after }, null)).toBe("reference");
    for (const entityType of ["User", "Unit", "Area", "PoolYear", "Round"]) {
      expect(auditEventDetail("all", { entityType, at: after }, null), entityType).toBe("full");
    }
  });

  it("gives a reader of the application its events in full from the first submission, before it as references", () => {
    expect(auditEventDetail("pool", { entityType: "Application", at: after }, readable)).toBe("full");
    expect(auditEventDetail("pool", { entityType: "Application", at: submittedAt }, readable)).toBe("full");
    expect(auditEventDetail("pool", { entityType: "Application", at: before }, readable)).toBe("reference");
    expect(auditEventDetail("all", { entityType: "Attachment", at: after }, readable)).toBe("full");
  });

  it("hides a unit's draft from a pool reader, and non-pool events as before", () => {
    expect(auditEventDetail("pool", { entityType: "Application", at: after }, unreadable)).toBe(null);
    expect(auditEventDetail("pool", { entityType: "Attachment", at: after }, null)).toBe(null);
    expect(auditEventDetail("pool", { entityType: "User", at: after }, null)).toBe(null);
    expect(auditEventDetail(null, { entityType: "PoolYear", at: after }, null)).toBe(null);
    expect(auditEventDetail("pool", { entityType: "PoolYear", at: after }, null)).toBe("full");
  });
});

describe("auditEventFields", () => {
  it("keeps only the reference in a reference view, and everything in a full one", () => {
    const b = { reference: "2026-0001", title: "Hemmelig", requestedOre: "100" };
    const a = { reference: "2026-0001", title: "Mere hemmelig", comment: "Nej" };
    expect(auditEventFields("reference", b, a)).toEqual({ before: { reference: "2026-0001" }, after: { reference: "2026-0001" } });
    expect(auditEventFields("reference", null, "tekst")).toEqual({ before: null, after: null });
    expect(auditEventFields("full", b, a)).toEqual({ before: b, after: a });
  });
});
