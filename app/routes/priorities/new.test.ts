import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { addDays, danishToday, toIsoDate } from "~/domain/dates";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type CallResult, type RouteModule } from "../../../tests/route-utils";
import * as newModule from "./new";

const route = newModule as unknown as RouteModule & typeof newModule;
type PageData = Awaited<ReturnType<typeof route.loader>>;

beforeEach(resetToDemo);

async function load(email: string, year = "2027") {
  return callLoader(route, `/pool-years/${year}/priorities/new`, { params: { year }, cookie: await cookieFor(email) });
}

/** Posts from the confirmation step (confirmed=yes) unless the form says otherwise. */
async function post(form: Record<string, string>, { year = "2027", email = demoEmail.leadership as string } = {}): Promise<CallResult> {
  return callAction(route, `/pool-years/${year}/priorities/new`, { params: { year }, cookie: await cookieFor(email), form: { confirmed: "yes", ...form } });
}

function render(data: unknown, actionData?: unknown, url = "/pool-years/2027/priorities/new"): string {
  const Stub = createRoutesStub([
    { id: "new", path: "/pool-years/:year/priorities/new", Component: route.default as ComponentType, loader: () => data, action: () => actionData },
  ]);
  return renderToString(
    createElement(Stub, {
      initialEntries: [url],
      hydrationData: { loaderData: { new: data }, actionData: actionData ? { new: actionData } : undefined },
    }),
  );
}

/** The form as the loader prefills it, with some rows changed ({ focus area name: row fields }). */
async function formFor(year: string, rows: Record<string, Record<string, string>>, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const data = (await load(demoEmail.leadership, year)).data as PageData;
  const form: Record<string, string> = {
    decidedOn: data.defaults.decidedOn,
    guidelineVersionId: data.defaults.guidelineVersionId,
    note: "",
    basedOnRevision: data.defaults.basedOnRevision,
  };
  data.focusAreas.forEach((focusArea, i) => {
    const row = { ...data.defaults.rows[i]!, ...(rows[focusArea.name] ?? {}) };
    for (const [key, value] of Object.entries(row)) form[`rows[${i}].${key}`] = value;
  });
  return { ...form, ...extra };
}

function rowIndex(data: PageData, name: string): number {
  return data.focusAreas.findIndex((fa) => fa.name === name);
}

async function snapshot() {
  return {
    prioritisations: await prisma.prioritisation.count(),
    rows: await prisma.prioritisedFocusArea.count(),
    audits: await auditCount(),
  };
}

const on = (rank: string, weight = "1", earmark: Record<string, string> = {}) => ({ include: "on", rank, weight, ...earmark });

describe("loader", () => {
  it("is for the leadership only (403 for everyone else, also HMU)", async () => {
    for (const role of ROLES) expect((await load(demoEmailFor(role))).status, role).toBe(role === "LEADERSHIP" ? 200 : 403);
  });

  it("answers 404 for an unknown year", async () => {
    expect((await load(demoEmail.leadership, "2099")).status).toBe(404);
    expect((await load(demoEmail.leadership, "x")).status).toBe(404);
  });

  it("offers adopted guidelines only and one row per active focus area, nothing ticked for a new year", async () => {
    await prisma.guidelineVersion.create({ data: { version: 2, title: "Udkast til nye retningslinjer", status: "DRAFT" } });
    await prisma.focusArea.update({ where: { name: "Ledelseskraft" }, data: { active: false } });
    const data = (await load(demoEmail.leadership)).data as PageData;
    expect(data.guidelines.map((g) => g.version)).toEqual([1]);
    expect(data.focusAreas).toHaveLength(7);
    expect(data.focusAreas.map((fa) => fa.name)).not.toContain("Ledelseskraft");
    expect(data.defaults.rows.every((row) => row.include === "")).toBe(true);
    expect(data.defaults.basedOnRevision).toBe("0");
    expect(data.defaults.decidedOn).toBe(toIsoDate(danishToday()));
    const html = render(data);
    expect(html).not.toContain("Udkast til nye retningslinjer");
    expect(html).toContain("Registrér prioritering for 2027");
    expect(html.match(/type="checkbox"/g)).toHaveLength(7);
    expect(html).toContain('name="rows[0].rank"');
    expect(html).toContain("Årets ramme er 6.000.000,00 kr.");
  });

  it("prefills a revision from the prioritisation in force, ranked first", async () => {
    const data = (await load(demoEmail.leadership, "2026")).data as PageData;
    expect(data.currentRevision).toBe(1);
    expect(data.defaults.basedOnRevision).toBe("1");
    expect(data.defaults.rows.slice(0, 4)).toEqual([
      expect.objectContaining({ include: "on", rank: "1", weight: "1,5", earmarkKind: "AMOUNT", earmarkValue: "500.000,00", earmarkStrength: "hard" }),
      expect.objectContaining({ include: "on", rank: "2", weight: "1,25", earmarkKind: "PERCENT", earmarkValue: "10", earmarkStrength: "soft" }),
      expect.objectContaining({ include: "on", rank: "3", weight: "1", earmarkKind: "NONE" }),
      expect.objectContaining({ include: "on", rank: "4", weight: "1", earmarkKind: "NONE" }),
    ]);
    expect(data.defaults.rows[4]).toMatchObject({ include: "" });
    const html = render(data, undefined, "/pool-years/2026/priorities/new");
    expect(html).toContain("Revidér prioritering for 2026");
    expect(html).toContain("revision 2");
    expect(html).toContain("Øremærket: 750.000,00 kr. af årets ramme på 2.500.000,00 kr.");
  });
});

describe("action", () => {
  it("records the first prioritisation of 2027 and goes to the priorities page", async () => {
    const form = await formFor("2027", {
      "Faglig udvikling": on("2", "1,5", { earmarkKind: "AMOUNT", earmarkValue: "1.000.000", earmarkStrength: "hard" }),
      "Nye digitale løsninger": on("1", "2", { earmarkKind: "PERCENT", earmarkValue: "12,5" }),
    }, { note: "Besluttet på ledelsesmødet" });
    const result = await post(form);
    expect(fieldErrors(result)).toEqual({});
    expect(result.status).toBe(302);
    expect(result.location).toBe("/pool-years/2027/priorities?ok=recorded");
    const stored = await prisma.prioritisation.findFirstOrThrow({
      where: { poolYear: { year: 2027 } },
      include: { focusAreas: { orderBy: { rank: "asc" }, include: { focusArea: true } } },
    });
    expect(stored).toMatchObject({ revision: 1, revisesId: null, note: "Besluttet på ledelsesmødet" });
    expect(stored.focusAreas.map((fa) => [fa.focusArea.name, fa.rank, fa.weightHundredths, fa.earmarkKind, fa.earmarkBasisPoints, fa.earmarkOre, fa.earmarkHard])).toEqual([
      ["Nye digitale løsninger", 1, 200, "PERCENT", 1250, 75_000_000n, false],
      ["Faglig udvikling", 2, 150, "AMOUNT", null, 100_000_000n, true],
    ]);
    expect(await auditCount("prioritisation.record")).toBe(1);
  });

  it("records nothing on the first submit: a confirmation step sums it up and carries every field with confirmed=yes", async () => {
    const form = await formFor("2027", { "Faglig udvikling": on("1", "1") });
    const before = await snapshot();
    const result = await post({ ...form, confirmed: "" });
    expect(result.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    const html = render((await load(demoEmail.leadership, "2027")).data, result.data).replace(/<!-- -->/g, "");
    expect(html).toContain('data-testid="prioritisation-confirm"');
    expect(html).toMatch(/Du er ved at registrere prioriteringen for puljeår 2027 med 1 fokusområde, besluttet på ledelsesmødet \d{1,2}\.\d{1,2}\.\d{4}\./);
    expect(html).toContain("Den kan ikke ændres bagefter.");
    expect(html).toContain('name="confirmed" value="yes"');
    expect(html).toContain(`name="guidelineVersionId" value="${form.guidelineVersionId}"`);
    expect(html).toContain("Ja, registrér prioriteringen");
    // A wrong confirmation value records nothing either.
    expect((await post({ ...form, confirmed: "1" })).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it("records a revision of 2026 as revision 2", async () => {
    const result = await post(await formFor("2026", { Ledelseskraft: { include: "" } }), { year: "2026" });
    expect(result.status).toBe(302);
    const revisions = await prisma.prioritisation.findMany({ where: { poolYear: { year: 2026 } }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.revision, r.revisesId])).toEqual([
      [1, null],
      [2, revisions[0]!.id],
    ]);
  });

  it("refuses earmarks over the year's total with the amounts in Danish, and nothing is stored", async () => {
    const data = (await load(demoEmail.leadership, "2026")).data as PageData;
    const before = await snapshot();
    // 2026: 2.500.000,00 kr. in total; 50 % = 1.250.000,00 kr.
    const over = await post(
      await formFor("2026", {
        "Forebyggelse af vold og trusler": on("1", "1", { earmarkKind: "PERCENT", earmarkValue: "50" }),
        "Nye digitale løsninger": on("2", "1", { earmarkKind: "AMOUNT", earmarkValue: "1.350.000" }),
      }),
      { year: "2026" },
    );
    expect(over.status).toBe(400);
    expect(fieldErrors(over)).toEqual({ earmarks: ["Øremærkningerne er i alt 2.600.000,00 kr., men årets ramme er 2.500.000,00 kr."] });
    const oneOre = await post(
      await formFor("2026", {
        "Forebyggelse af vold og trusler": on("1", "1", { earmarkKind: "PERCENT", earmarkValue: "50" }),
        "Nye digitale løsninger": on("2", "1", { earmarkKind: "AMOUNT", earmarkValue: "1.250.000,01" }),
      }),
      { year: "2026" },
    );
    expect(fieldErrors(oneOre)).toEqual({ earmarks: ["Øremærkningerne er i alt 2.500.000,01 kr., men årets ramme er 2.500.000,00 kr."] });
    expect(await snapshot()).toEqual(before);
    // The message is shown next to the totals line, with the row values kept.
    const html = render(data, oneOre.data, "/pool-years/2026/priorities/new");
    expect(html).toContain('id="earmarks-error"');
    expect(html).toContain("Øremærkningerne er i alt 2.500.000,01 kr.");
    expect(html).toContain('value="1.250.000,01"');
  });

  it.each([
    ["a weight of 0", { weight: "0" }, "weight", "priorities.error.weight"],
    ["a negative weight", { weight: "-1" }, "weight", "priorities.error.weight"],
    ["a weight that is no number", { weight: "høj" }, "weight", "priorities.error.weight"],
    ["an empty weight", { weight: "" }, "weight", "validation.required"],
    ["an empty rank", { rank: "" }, "rank", "validation.required"],
    ["a rank that is no whole number", { rank: "1,5" }, "rank", "validation.integer"],
    ["a rank beyond the number chosen", { rank: "3" }, "rank", "Rangen skal være et helt tal fra 1 til 2, fordi der er valgt 2 fokusområder."],
    ["an amount that is no amount", { earmarkKind: "AMOUNT", earmarkValue: "en del" }, "earmarkValue", "validation.amount"],
    ["an amount of 0", { earmarkKind: "AMOUNT", earmarkValue: "0" }, "earmarkValue", "priorities.error.earmarkNotPositive"],
    ["a percentage over 100", { earmarkKind: "PERCENT", earmarkValue: "120" }, "earmarkValue", "priorities.error.percent"],
    ["an earmark kind without a value", { earmarkKind: "PERCENT", earmarkValue: "" }, "earmarkValue", "validation.required"],
    ["a value without an earmark kind", { earmarkKind: "NONE", earmarkValue: "100.000" }, "earmarkKind", "priorities.error.earmarkKindMissing"],
  ])("refuses %s next to the row's field, storing nothing", async (_label, change, field, message) => {
    const data = (await load(demoEmail.leadership)).data as PageData;
    const before = await snapshot();
    const result = await post(await formFor("2027", { "Faglig udvikling": { ...on("1"), ...change }, Ledelseskraft: on("2") }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [`rows[${rowIndex(data, "Faglig udvikling")}].${field}`]: [message] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the same rank twice at both rows", async () => {
    const data = (await load(demoEmail.leadership)).data as PageData;
    const result = await post(await formFor("2027", { "Faglig udvikling": on("1"), Ledelseskraft: on("1") }));
    const message = "Rang 1 er brugt mere end én gang. Giv hvert fokusområde sin egen rang.";
    expect(fieldErrors(result)).toEqual({
      [`rows[${rowIndex(data, "Faglig udvikling")}].rank`]: [message],
      [`rows[${rowIndex(data, "Ledelseskraft")}].rank`]: [message],
    });
  });

  it("refuses no focus areas, a missing or future meeting date, and guidelines that are not adopted", async () => {
    const draft = await prisma.guidelineVersion.create({ data: { version: 2, title: "Udkast", status: "DRAFT" } });
    const superseded = await prisma.guidelineVersion.create({ data: { version: 3, title: "Gammel", status: "SUPERSEDED" } });
    const tomorrow = toIsoDate(addDays(danishToday(), 1));
    const before = await snapshot();
    const one = { "Faglig udvikling": on("1") };
    expect(fieldErrors(await post(await formFor("2027", {})))).toEqual({ rows: ["priorities.error.noFocusAreas"] });
    expect(fieldErrors(await post(await formFor("2027", one, { decidedOn: "" })))).toEqual({ decidedOn: ["validation.required"] });
    expect(fieldErrors(await post(await formFor("2027", one, { decidedOn: "0000-01-01" })))).toEqual({ decidedOn: ["validation.date"] });
    expect(fieldErrors(await post(await formFor("2027", one, { decidedOn: tomorrow })))).toEqual({ decidedOn: ["priorities.error.decidedOnFuture"] });
    for (const version of [draft, superseded]) {
      expect(fieldErrors(await post(await formFor("2027", one, { guidelineVersionId: version.id })))).toEqual({
        guidelineVersionId: ["priorities.error.guidelineNotAdopted"],
      });
    }
    expect(fieldErrors(await post(await formFor("2027", one, { guidelineVersionId: "findes-ikke" })))).toEqual({ guidelineVersionId: ["validation.choose"] });
    expect(await snapshot()).toEqual(before);
  });

  it("shows every problem at once next to its field when the page is rendered again", async () => {
    const data = (await load(demoEmail.leadership)).data as PageData;
    const result = await post(await formFor("2027", { "Faglig udvikling": on("1", "0"), Ledelseskraft: on("5", "1,5") }));
    const errors = fieldErrors(result);
    expect(Object.keys(errors).sort()).toEqual([`rows[${rowIndex(data, "Faglig udvikling")}].weight`]);
    // After the row's own fields are right, the ranks are checked against each other.
    const second = await post(await formFor("2027", { "Faglig udvikling": on("1", "2"), Ledelseskraft: on("5", "1,5") }));
    expect(fieldErrors(second)).toEqual({
      [`rows[${rowIndex(data, "Ledelseskraft")}].rank`]: ["Rangen skal være et helt tal fra 1 til 2, fordi der er valgt 2 fokusområder."],
    });
    const html = render(data, result.data);
    expect(html).toContain("Vægten skal være et tal større end 0 med højst to decimaler, fx 1 eller 1,5.");
    expect(html).toContain('aria-invalid="true"');
  });

  it("refuses a form that was based on a revision that has since been replaced", async () => {
    const form = await formFor("2026", {});
    expect((await post(form, { year: "2026" })).status).toBe(302);
    const before = await snapshot();
    const again = await post(form, { year: "2026" });
    expect(again.status).toBe(400);
    expect(fieldErrors(again)).toEqual({
      "": ["Der er registreret en ny revision (revision 2), mens du udfyldte formularen. Åbn formularen igen for at se den, før du reviderer."],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("is for the leadership only: 403 for every other role incl. HMU, nothing stored", async () => {
    const form = await formFor("2027", { "Faglig udvikling": on("1") });
    for (const role of ROLES.filter((r) => r !== "LEADERSHIP")) {
      expect((await post(form, { email: demoEmailFor(role) })).status, role).toBe(403);
    }
    expect(await prisma.prioritisation.count()).toBe(1);
    expect(await auditCount("prioritisation.record")).toBe(0);
  });

  it("answers 404 for an unknown year", async () => {
    const form = await formFor("2027", { "Faglig udvikling": on("1") });
    expect((await post(form, { year: "2099" })).status).toBe(404);
  });
});
