import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { formatMoney } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as yearModule from "./year";

// The typed params ({ year: string }) are narrower than the test helpers' Record.
const yearRoute = yearModule as unknown as RouteModule & typeof yearModule;

beforeEach(resetToDemo);

const valid = { kind: "addition", amount: "250.000", reason: "Tillægsbevilling fra byrådet", effectiveOn: "2026-09-01", confirmed: "yes" };
const path2026 = "/pool-years/2026";
const params2026 = { year: "2026" };

type PageData = Awaited<ReturnType<typeof yearRoute.loader>>;

async function load(email: string, year = "2026") {
  return callLoader(yearRoute, `/pool-years/${year}`, { params: { year }, cookie: await cookieFor(email) });
}

/** Server-renders the page with the loader's data (as the browser would first see it). */
function render(data: unknown, url = path2026): string {
  const Stub = createRoutesStub([
    { id: "pool-year", path: "/pool-years/:year", Component: yearRoute.default as ComponentType, loader: () => data },
  ]);
  return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { "pool-year": data } } }));
}

async function dbTotal(year: number): Promise<{ budget: bigint; additions: bigint; reductions: bigint }> {
  const poolYear = await prisma.poolYear.findUniqueOrThrow({ where: { year } });
  const [sums] = await prisma.$queryRaw<{ additions: bigint | null; reductions: bigint | null }[]>`
    SELECT SUM(CASE WHEN "amountOre" > 0 THEN "amountOre" END)::bigint AS additions,
           SUM(CASE WHEN "amountOre" < 0 THEN "amountOre" END)::bigint AS reductions
    FROM "BudgetAdjustment" WHERE "poolYearId" = ${poolYear.id}`;
  return { budget: poolYear.budgetOre, additions: BigInt(sums?.additions ?? 0n), reductions: BigInt(sums?.reductions ?? 0n) };
}

async function snapshot() {
  return { adjustments: await prisma.budgetAdjustment.count(), audits: await auditCount() };
}

describe("/pool-years/:year loader", () => {
  it("shows every role the year, and only finance the form", async () => {
    for (const role of ROLES) {
      const result = await load(demoEmailFor(role));
      expect(result.status, role).toBe(200);
      const data = result.data as PageData;
      expect(data.poolYear.year).toBe(2026);
      expect(data.canManage, role).toBe(role === "FINANCE");
      const html = render(data);
      expect(html.includes('id="pool-year-adjust"'), role).toBe(role === "FINANCE");
      expect(html).not.toMatch(/Rediger|Slet/); // adjustments are immutable
    }
  });

  it.each(["2099", "2025", "abc", "2026abc", "02026", "-2026"])("answers 404 for /pool-years/%s", async (year) => {
    expect((await load(demoEmail.finance, year)).status).toBe(404);
    expect((await load(demoEmail.applicant, year)).status).toBe(404);
  });

  it("sends anonymous visitors to the login page", async () => {
    expect((await callLoader(yearRoute, path2026, { params: params2026 })).status).toBe(302);
  });

  it("shows the summary from the seed", async () => {
    const data = (await load(demoEmail.hmu)).data as PageData;
    const html = render(data);
    expect(html).toContain("6.000.000,00 kr.");
    expect(html).toContain("-3.500.000,00 kr.");
    expect(html).toMatch(/data-testid="total"><strong>2\.500\.000,00 kr\.<\/strong>/);
  });
});

describe("/pool-years/:year action", () => {
  it("records nothing on the first submit: it answers with a confirmation step that carries the values and confirmed=yes", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const before = await snapshot();
    const { confirmed: _confirmed, ...unconfirmed } = valid;
    const result = await callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: unconfirmed });
    expect(result.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    const other = await callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: { ...valid, confirmed: "1" } });
    expect(other.status).toBe(200); // only the confirmation button's value records
    expect(await snapshot()).toEqual(before);

    const data = (await load(demoEmail.finance)).data;
    const Stub = createRoutesStub([
      { id: "pool-year", path: "/pool-years/:year", Component: yearRoute.default as ComponentType, loader: () => data, action: () => result.data },
    ]);
    const html = renderToString(
      createElement(Stub, { initialEntries: [path2026], hydrationData: { loaderData: { "pool-year": data }, actionData: { "pool-year": result.data } } }),
    );
    expect(html).toContain('data-testid="adjust-confirm"');
    expect(html).toContain("Du er ved at registrere en tillægsbevilling på 250.000,00 kr. i puljeår 2026 med virkningsdato 1.9.2026.");
    expect(html).toContain("Det kan ikke ændres bagefter.");
    expect(html).toContain('name="confirmed" value="yes"');
    expect(html).toContain('name="amount" value="250.000"');
    expect(html).toContain("Ja, registrér reguleringen");
  });

  it("refuses a reduction below what the rounds already hold, next to the field", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const before = await snapshot();
    const result = await callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: { ...valid, kind: "reduction", amount: "0,01" } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({
      amount: [
        "Efter reduktionen ville rammen være 2.499.999,99 kr., men 2.500.000,00 kr. er allerede fordelt til runder eller øremærket. Nedsæt først rundernes andele eller prioriteringens øremærkninger.",
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses additions that take the year's total above the maximum, quoting the numbers, and records nothing", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const post = (amount: string) => callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: { ...valid, amount } });
    // Two additions of the largest single amount once took the total to 2.000.002.499.999,99 kr.
    const before = await snapshot();
    const tooMuch = await post("999.999.999.999,99");
    expect(tooMuch.status).toBe(400);
    expect(fieldErrors(tooMuch)).toEqual({
      amount: [
        "Med en tillægsbevilling på 999.999.999.999,99 kr. ville puljeårets samlede ramme blive 1.000.002.499.999,99 kr., men rammen må højst være 999.999.999.999,99 kr. (i dag er den 2.500.000,00 kr.)",
      ],
    });
    expect(await snapshot()).toEqual(before);
    // Up to the maximum exactly is allowed; one øre more is not.
    expect((await post("999.997.499.999,99")).status).toBe(302);
    const oneMore = await post("0,01");
    expect(oneMore.status).toBe(400);
    expect(fieldErrors(oneMore).amount?.[0]).toContain("ville puljeårets samlede ramme blive 1.000.000.000.000,00 kr.");
    const { budget, additions, reductions } = await dbTotal(2026);
    expect(budget + additions + reductions).toBe(99_999_999_999_999n);
  });
});

describe("/pool-years/:year action, with nothing committed in 2026", () => {
  // The demo year's rounds hold its whole total; without them reductions are free down to zero.
  beforeEach(() => prisma.$executeRawUnsafe(`TRUNCATE "Round", "Prioritisation" CASCADE`));

  it("records a tillægsbevilling and a reduktion, audited, and the page agrees with the database to the øre", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const post = (form: Record<string, string>) => callAction(yearRoute, path2026, { params: params2026, cookie: finance, form });
    for (const [kind, amount] of [
      ["addition", "0,01"],
      ["addition", "0,02"],
      ["reduction", "0,04"],
      ["addition", "1.234.567,89"],
      ["reduction", "0,10"],
    ] as const) {
      const result = await post({ ...valid, kind, amount });
      expect(result.status).toBe(302);
      expect(result.location).toBe("/pool-years/2026?ok=adjusted#adjustments");
    }
    expect(await auditCount("poolYear.adjust")).toBe(5);

    const db = await dbTotal(2026);
    expect(db).toEqual({ budget: 600_000_000n, additions: 123_456_792n, reductions: -350_000_014n });
    const data = (await load(demoEmail.leadership)).data as PageData;
    expect(data.poolYear.totals).toEqual({
      budgetOre: db.budget,
      additionsOre: db.additions,
      reductionsOre: db.reductions,
      adjustmentsOre: db.additions + db.reductions,
      totalOre: db.budget + db.additions + db.reductions,
    });
    const html = render(data, `${path2026}?ok=adjusted`);
    expect(html).toContain(`data-testid="additions">${formatMoney(db.additions)}<`);
    expect(html).toContain(`data-testid="additions">1.234.567,92 kr.<`);
    expect(html).toContain(`data-testid="reductions">-3.500.000,14 kr.<`);
    expect(html).toContain(`<strong>3.734.567,78 kr.</strong>`);
    expect(html).toContain("+0,01 kr.");
    expect(html).toContain("-0,04 kr.");
    expect(html).toContain("Reguleringen er registreret");
  });

  it("records a correction as a new adjustment that points at the original", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const original = await prisma.budgetAdjustment.findFirstOrThrow();
    const result = await callAction(yearRoute, path2026, {
      params: params2026,
      cookie: finance,
      form: { ...valid, kind: "reduction", amount: "100", reason: "Rettelse af nr. 1", corrects: original.id },
    });
    expect(result.status).toBe(302);
    const correction = await prisma.budgetAdjustment.findFirstOrThrow({ where: { correctsId: original.id } });
    expect(correction.amountOre).toBe(-10_000n);
    expect(await prisma.budgetAdjustment.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
    const html = render((await load(demoEmail.finance)).data);
    expect(html).toContain('<a href="#adjustment-1">Retter nr. 1</a>');
    expect(html).toContain("Rettet af nr. 2");
    expect(html).toContain('id="adjustment-2"');
  });

  it.each([
    [{ kind: "" }, "kind", "validation.choose"],
    [{ kind: "gave" }, "kind", "validation.choose"],
    [{ amount: "" }, "amount", "validation.required"],
    [{ amount: "mange penge" }, "amount", "validation.amount"],
    [{ amount: "1,001" }, "amount", "validation.amount"],
    [{ amount: "-500" }, "amount", "poolYears.error.amountNoSign"],
    [{ amount: "0,00" }, "amount", "validation.amountNotZero"],
    [{ reason: "" }, "reason", "validation.required"],
    [{ reason: "   " }, "reason", "validation.required"],
    [{ reason: "x".repeat(501) }, "reason", "validation.tooLong"],
    [{ effectiveOn: "" }, "effectiveOn", "validation.required"],
    [{ effectiveOn: "2026-02-31" }, "effectiveOn", "validation.date"],
    [{ effectiveOn: "2027-01-01" }, "effectiveOn", "Virkningsdatoen skal ligge i puljeåret 2026."],
    [{ corrects: "findes-ikke" }, "corrects", "poolYears.error.correctsInvalid"],
    [{ kind: "reduction", amount: "2.500.000,01" }, "amount", "Reduktionen på 2.500.000,01 kr. er større end den samlede ramme (2.500.000,00 kr.), og rammen må ikke blive negativ."],
  ])("refuses %o with its message next to the field and changes nothing", async (change, field, message) => {
    const finance = await cookieFor(demoEmail.finance);
    const before = await snapshot();
    const result = await callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: { ...valid, ...change } });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [message] });
    expect(await snapshot()).toEqual(before);
  });

  it("allows a reduction to exactly zero", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const result = await callAction(yearRoute, path2026, { params: params2026, cookie: finance, form: { ...valid, kind: "reduction", amount: "2.500.000" } });
    expect(result.status).toBe(302);
    expect(((await load(demoEmail.finance)).data as PageData).poolYear.totals.totalOre).toBe(0n);
  });

  it("refuses a correction of another year's adjustment", async () => {
    const finance = await cookieFor(demoEmail.finance);
    const seeded2026 = await prisma.budgetAdjustment.findFirstOrThrow();
    const result = await callAction(yearRoute, "/pool-years/2027", {
      params: { year: "2027" },
      cookie: finance,
      form: { ...valid, effectiveOn: "2027-03-01", corrects: seeded2026.id },
    });
    expect(fieldErrors(result)).toEqual({ corrects: ["poolYears.error.correctsInvalid"] });
    expect(await prisma.budgetAdjustment.count()).toBe(1);
  });

  it("is for finance only: 403 for every other role, nothing recorded", async () => {
    for (const role of ROLES.filter((r) => r !== "FINANCE")) {
      const cookie = await cookieFor(demoEmailFor(role));
      const result = await callAction(yearRoute, path2026, { params: params2026, cookie, form: valid });
      expect(result.status, role).toBe(403);
    }
    expect(await prisma.budgetAdjustment.count()).toBe(1);
    expect(await auditCount("poolYear.adjust")).toBe(0);
  });

  it("answers 404 for a year that does not exist, also to finance", async () => {
    const finance = await cookieFor(demoEmail.finance);
    for (const year of ["2099", "abc"]) {
      const result = await callAction(yearRoute, `/pool-years/${year}`, { params: { year }, cookie: finance, form: valid });
      expect(result.status).toBe(404);
    }
    expect(await prisma.budgetAdjustment.count()).toBe(1);
  });
});
