import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors } from "../../../tests/route-utils";
import * as newPoolYear from "./new";

beforeEach(resetToDemo);

const valid = { year: "2028", budget: "5.000.000,50", startsOn: "2028-02-01", note: "Ny ramme" };

async function snapshot() {
  return { years: await prisma.poolYear.count(), audits: await auditCount() };
}

describe("/pool-years/new", () => {
  it("offers the year after the newest, 6.000.000,00 kr. and 1 January", async () => {
    const result = await callLoader(newPoolYear, "/pool-years/new", { cookie: await cookieFor(demoEmail.finance) });
    expect(result.status).toBe(200);
    const year = Math.max(2028, new Date().getUTCFullYear());
    expect((result.data as { defaults: unknown }).defaults).toEqual({
      year: String(year),
      budget: "6.000.000,00",
      startsOn: `${year}-01-01`,
      note: "",
    });
  });

  it("creates the pool year, audits it and redirects to it", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const result = await callAction(newPoolYear, "/pool-years/new", { cookie: finance, form: valid });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/pool-years/2028?ok=created");
    const created = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2028 } });
    expect(created.budgetOre).toBe(500_000_050n);
    expect(created.startsOn.toISOString()).toBe("2028-02-01T00:00:00.000Z");
    expect(created.note).toBe("Ny ramme");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "poolYear.create" } });
    expect(event).toMatchObject({ entityType: "PoolYear", entityId: created.id, after: { year: 2028, budgetOre: "500000050" } });
  });

  it("uses 1 January when the start date is left empty", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const result = await callAction(newPoolYear, "/pool-years/new", { cookie: finance, form: { ...valid, startsOn: "", note: "" } });
    expect(result.status).toBe(302);
    const created = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2028 } });
    expect(created.startsOn.toISOString()).toBe("2028-01-01T00:00:00.000Z");
  });

  it.each([
    [{ year: "" }, "year", "validation.integer"],
    [{ year: "tyve" }, "year", "validation.integer"],
    [{ year: "2028.5" }, "year", "validation.integer"],
    [{ year: "2025" }, "year", "poolYears.error.yearRange"],
    [{ year: "2101" }, "year", "poolYears.error.yearRange"],
    [{ budget: "" }, "budget", "validation.required"],
    [{ budget: "seks millioner" }, "budget", "validation.amount"],
    [{ budget: "1,234" }, "budget", "validation.amount"],
    [{ budget: "0" }, "budget", "poolYears.error.budgetPositive"],
    [{ budget: "-100" }, "budget", "poolYears.error.budgetPositive"],
    [{ startsOn: "2028-02-30" }, "startsOn", "validation.date"],
    [{ startsOn: "01.02.2028" }, "startsOn", "validation.date"],
    [{ startsOn: "2029-01-01" }, "startsOn", "poolYears.error.startsOnOutsideYear"],
    [{ note: "x".repeat(1001) }, "note", "validation.tooLong"],
  ])("refuses %o with its message next to the field and changes nothing", async (change, field, key) => {
    const finance = await cookieFor(demoEmail.finance);
    const before = await snapshot();
    const result = await callAction(newPoolYear, "/pool-years/new", { cookie: finance, form: { ...valid, ...change } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [key] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a year that exists, quoting it", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const before = await snapshot();
    const result = await callAction(newPoolYear, "/pool-years/new", { cookie: finance, form: { ...valid, year: "2027", startsOn: "2027-01-01" } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ year: ["Puljeåret 2027 findes allerede."] });
    expect(await snapshot()).toEqual(before);
  });

  it("is for finance only: 403 on loader and action for every other role", async () => {
    for (const role of ROLES.filter((r) => r !== "FINANCE")) {
      const cookie = await cookieFor(demoEmailFor(role));
      expect((await callLoader(newPoolYear, "/pool-years/new", { cookie })).status, role).toBe(403);
      expect((await callAction(newPoolYear, "/pool-years/new", { cookie, form: valid })).status, role).toBe(403);
    }
    expect(await prisma.poolYear.count({ where: { year: 2028 } })).toBe(0);
    expect(await auditCount("poolYear.create")).toBe(0);
  });

  it("sends anonymous visitors to the login page", async () => {
    expect((await callLoader(newPoolYear, "/pool-years/new")).status).toBe(302);
    expect((await callAction(newPoolYear, "/pool-years/new", { form: valid })).status).toBe(302);
    expect(await prisma.poolYear.count()).toBe(2);
  });
});
