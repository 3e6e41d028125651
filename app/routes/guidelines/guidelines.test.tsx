// The guideline pages through their real loaders and actions: visibility of
// drafts, the draft → adopted → superseded lifecycle, refusal of every change
// to an adopted version, form validation per rule kind, Markdown safety, the
// diff, and the markup the pages render from that data.
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/permissions";
import { createGuidelineDraft, updateGuidelineDraft, addGuidelineRule, removeGuidelineRule, saveGuidelineCriterion } from "~/services/guidelines.server";
import { prisma } from "~/utils/db.server";
import { DEMO_RULES } from "../../../prisma/seed-data";
import { actorFor, auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type CallResult, type RouteModule } from "../../../tests/route-utils";
import * as diffModule from "./diff";
import * as indexModule from "./index";
import * as newModule from "./new";
import * as versionModule from "./version";

const indexRoute = indexModule as unknown as RouteModule & { default: ComponentType };
const newRoute = newModule as unknown as RouteModule & { default: ComponentType };
const versionRoute = versionModule as unknown as RouteModule & { default: ComponentType };
const diffRoute = diffModule as unknown as RouteModule & { default: ComponentType };

type VersionData = Awaited<ReturnType<typeof versionModule.loader>>;
type DiffData = Awaited<ReturnType<typeof diffModule.loader>>;
type IndexData = Awaited<ReturnType<typeof indexModule.loader>>;

beforeEach(resetToDemo);

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function newDraft(basedOnVersion: number | null = 1, body = "## Formål\n\nPuljen er på seks millioner kroner.") {
  return createGuidelineDraft(await actorFor(demoEmail.secretariat), { title: "Retningslinjer 2027", body, basedOnVersion });
}

async function loadVersion(email: string, version: number | string, search = ""): Promise<CallResult> {
  return callLoader(versionRoute, `/guidelines/${version}${search}`, { params: { version: String(version) }, cookie: await cookieFor(email) });
}

async function post(email: string, version: number, form: Record<string, string | string[]>, search = ""): Promise<CallResult> {
  return callAction(versionRoute, `/guidelines/${version}${search}`, { params: { version: String(version) }, cookie: await cookieFor(email), form });
}

function formErrors(result: CallResult): string[] {
  return ((result.data as { result?: { error?: Record<string, string[]> } }).result?.error?.[""] ?? []) as string[];
}

/** Server-renders a page with its loader's data (and an action's reply), as the browser first sees it. */
function render(module: { default: ComponentType }, pattern: string, url: string, loaderData: unknown, actionData?: unknown): string {
  const Stub = createRoutesStub([{ id: "page", path: pattern, Component: module.default }]);
  return renderToString(
    <Stub initialEntries={[url]} hydrationData={{ loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) }} />,
  );
}

async function snapshot(version: number) {
  const row = await prisma.guidelineVersion.findUniqueOrThrow({
    where: { version },
    include: { rules: { orderBy: { id: "asc" } }, criteria: { orderBy: { id: "asc" } } },
  });
  return { row, audits: await auditCount(), versions: await prisma.guidelineVersion.count() };
}

describe("/guidelines", () => {
  it("lists drafts only to those who may read drafts, and the button only to the secretariat", async () => {
    await newDraft();
    for (const role of ROLES) {
      const result = await callLoader(indexRoute, "/guidelines", { cookie: await cookieFor(demoEmailFor(role)) });
      expect(result.status, role).toBe(200);
      const data = result.data as IndexData;
      const seesDrafts = ["SECRETARIAT", "LEADERSHIP", "HMU", "ADMIN"].includes(role);
      expect(data.versions.map((v) => v.version), role).toEqual(seesDrafts ? [2, 1] : [1]);
      expect(data.canManage, role).toBe(role === "SECRETARIAT");
      const html = render(indexRoute, "/guidelines", "/guidelines", data);
      expect(html.includes("Nyt udkast"), role).toBe(role === "SECRETARIAT");
      expect(html).toContain("Gældende retningslinjer: version 1, vedtaget af HMU 18.6.2026.");
      expect(html).toContain('aria-current="true"');
    }
  });
});

describe("/guidelines/new", () => {
  it("prefills from the version it is based on and creates the next version with its rules and criteria", async () => {
    const cookie = await cookieFor(demoEmail.secretariat);
    const page = await callLoader(newRoute, "/guidelines/new?basedOn=1", { cookie });
    const data = page.data as Awaited<ReturnType<typeof newModule.loader>>;
    expect(data.base).toMatchObject({ version: 1, title: "Retningslinjer for den tværgående kompetencepulje", rules: 9, criteria: 5 });
    expect(data.nextVersion).toBe(2);
    const html = render(newRoute, "/guidelines/new", "/guidelines/new?basedOn=1", data);
    expect(html).toContain("Udkastet bliver baseret på version 1 og får en kopi af dens 9 formelle krav og 5 vurderingskriterier.");
    expect(html).toContain('name="basedOn" value="1"');

    const result = await callAction(newRoute, "/guidelines/new", { cookie, form: { title: "Retningslinjer 2027", body: "Ny tekst", basedOn: "1" } });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/guidelines/2?ok=created");
    const created = await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 2 }, include: { rules: true, criteria: true } });
    expect(created).toMatchObject({ title: "Retningslinjer 2027", body: "Ny tekst", status: "DRAFT" });
    expect(created.rules).toHaveLength(DEMO_RULES.length);
    expect(created.criteria).toHaveLength(5);
    expect(await auditCount("guideline.createDraft")).toBe(1);
  });

  it("creates an empty draft without a base", async () => {
    const result = await callAction(newRoute, "/guidelines/new", { cookie: await cookieFor(demoEmail.secretariat), form: { title: "Tomt", basedOn: "" } });
    expect(result.location).toBe("/guidelines/2?ok=created");
    expect(await prisma.eligibilityRule.count({ where: { guidelineVersion: { version: 2 } } })).toBe(0);
  });

  it("puts errors next to the title and the base, creating nothing", async () => {
    const cookie = await cookieFor(demoEmail.secretariat);
    const before = { versions: await prisma.guidelineVersion.count(), audits: await auditCount() };
    const noTitle = await callAction(newRoute, "/guidelines/new", { cookie, form: { title: "", body: "x" } });
    expect(noTitle.status).toBe(400);
    expect(fieldErrors(noTitle)).toEqual({ title: ["validation.required"] });
    const badBase = await callAction(newRoute, "/guidelines/new", { cookie, form: { title: "T", basedOn: "99" } });
    expect(badBase.status).toBe(400);
    expect(fieldErrors(badBase)).toEqual({ basedOn: ["guidelines.error.baseUnknown"] });
    expect({ versions: await prisma.guidelineVersion.count(), audits: await auditCount() }).toEqual(before);
  });

  it("refuses everyone but the secretariat", async () => {
    for (const role of ROLES.filter((r) => r !== "SECRETARIAT")) {
      const cookie = await cookieFor(demoEmailFor(role));
      expect((await callLoader(newRoute, "/guidelines/new", { cookie })).status, role).toBe(403);
      expect((await callAction(newRoute, "/guidelines/new", { cookie, form: { title: "X" } })).status, role).toBe(403);
    }
    expect(await prisma.guidelineVersion.count()).toBe(1);
  });
});

describe("/guidelines/:version loader", () => {
  it("shows drafts only to those who may read drafts (404 for the others)", async () => {
    await newDraft();
    const expected: Record<Role, number> = { APPLICANT: 404, AREA_LEAD: 404, FINANCE: 404, SECRETARIAT: 200, LEADERSHIP: 200, HMU: 200, ADMIN: 200 };
    for (const role of ROLES) {
      expect((await loadVersion(demoEmailFor(role), 2)).status, role).toBe(expected[role]);
      expect((await loadVersion(demoEmailFor(role), 1)).status, role).toBe(200);
    }
    for (const bad of ["99", "abc", "0", "1.0"]) expect((await loadVersion(demoEmail.secretariat, bad)).status, bad).toBe(404);
  });

  it("offers the forms only to the secretariat, and only on a draft", async () => {
    await newDraft();
    for (const role of ROLES) {
      const email = demoEmailFor(role);
      const draft = await loadVersion(email, 2);
      if (draft.status === 200) expect((draft.data as VersionData).editable, role).toBe(role === "SECRETARIAT");
      expect(((await loadVersion(email, 1)).data as VersionData).editable, role).toBe(false);
    }
  });

  it("shows the adopted version in Danish: rules with their limits, criteria with their shares", async () => {
    const result = await loadVersion(demoEmail.applicant, 1);
    const data = result.data as VersionData;
    expect(data.compareWith).toBeNull();
    const html = render(versionRoute, "/guidelines/:version", "/guidelines/1", data);
    expect(html).toContain("<h1>Retningslinjer for den tværgående kompetencepulje</h1>");
    expect(html).toContain("<h2>Formål</h2>");
    for (const text of [
      "Maksimalt beløb pr. ansøgning",
      "Højst 250.000,00 kr.",
      "Mindst 20 % af de samlede udgifter",
      "Ikke tilskud til: vikardækning",
      "Senest 6 måneder efter afgørelsen",
      "Mindst 8 deltagere",
      "Mindst 2 forvaltningsområder",
      "Højst 40 % af rundens ramme til ét område",
      "Skal være opfyldt",
      "Bør være opfyldt (kræver begrundelse)",
      "Strategisk sammenhæng",
      "30 %",
      "0–5",
      "Dette er de gældende retningslinjer, vedtaget af HMU 18.6.2026.",
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).not.toContain('method="post"');
    expect(html).not.toContain("Opret nyt udkast baseret på denne version");
  });

  it("renders Markdown without raw HTML or script links", async () => {
    const body = [
      "## Formål",
      "",
      "<script>alert('x')</script>",
      "",
      '<img src="x" onerror="alert(1)">',
      "",
      "[Klik her](javascript:alert(1)) og [farlig](JAVASCRIPT:alert(2)) og [data](data:text/html;base64,PHNjcmlwdD4=)",
      "",
      "[Aarhus Kommune](https://aarhus.dk) og [retningslinjer](/guidelines)",
    ].join("\n");
    const { version } = await newDraft(null, body);
    const result = await loadVersion(demoEmail.hmu, version);
    const { bodyHtml } = result.data as VersionData;
    expect(bodyHtml).toContain("&lt;script&gt;alert(");
    expect(bodyHtml).not.toMatch(/<script|<img|onerror="/i);
    expect(bodyHtml).not.toMatch(/href="(javascript|data):/i);
    expect(bodyHtml).toContain("[Klik her](javascript:alert(1))");
    expect(bodyHtml).toContain('<a href="https://aarhus.dk" rel="noopener noreferrer">Aarhus Kommune</a>');
    expect(bodyHtml).toContain('<a href="/guidelines">retningslinjer</a>');
    const html = render(versionRoute, "/guidelines/:version", `/guidelines/${version}`, result.data);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});

describe("/guidelines/:version actions on a draft", () => {
  const sec = demoEmail.secretariat;

  it("updates title and text", async () => {
    const { version } = await newDraft();
    const result = await post(sec, version, { intent: "update", title: "Ny titel", body: "Ny tekst" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/guidelines/${version}?ok=updated`);
    expect(await prisma.guidelineVersion.findUniqueOrThrow({ where: { version } })).toMatchObject({ title: "Ny titel", body: "Ny tekst" });
    expect(await auditCount("guideline.update")).toBe(1);
    const empty = await post(sec, version, { intent: "update", title: " " });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty)).toEqual({ title: ["validation.required"] });
  });

  it("adds a rule of every kind from typed Danish values", async () => {
    const { version } = await newDraft(null);
    const typed: Record<string, Record<string, string | string[]>> = {
      MAX_AMOUNT: { maxAmount: "250.000" },
      MIN_COFINANCING_SHARE: { minShare: "12,5" },
      COST_CATEGORIES: { eligible: ["TRANSPORT", "COURSE_FEE"] },
      FOCUS_AREA_REQUIRED: {},
      ACTIVITY_IN_YEAR: {},
      START_WITHIN_MONTHS: { months: "6" },
      MIN_PARTICIPANTS: { minParticipants: "8" },
      MIN_AREAS: { minAreas: "2" },
      MAX_ROUND_SHARE_PER_AREA: { maxRoundShare: "40" },
    };
    for (const [kind, values] of Object.entries(typed)) {
      const result = await post(sec, version, { intent: "addRule", kind, severity: "SOFT", note: "Note", ...values }, `?ruleKind=${kind}`);
      expect(result.status, kind).toBe(302);
      expect(result.location).toBe(`/guidelines/${version}?ok=ruleAdded#rules`);
    }
    const rules = await prisma.eligibilityRule.findMany({ where: { guidelineVersion: { version } } });
    const byKind = Object.fromEntries(rules.map((r) => [r.kind, r.params]));
    expect(byKind).toEqual({
      MAX_AMOUNT: { maxOre: "25000000" },
      MIN_COFINANCING_SHARE: { minBasisPoints: 1250 },
      COST_CATEGORIES: { eligible: ["COURSE_FEE", "TRANSPORT"] },
      FOCUS_AREA_REQUIRED: {},
      ACTIVITY_IN_YEAR: {},
      START_WITHIN_MONTHS: { months: 6 },
      MIN_PARTICIPANTS: { min: 8 },
      MIN_AREAS: { min: 2 },
      MAX_ROUND_SHARE_PER_AREA: { maxBasisPoints: 4000 },
    });
    expect(rules.every((r) => r.severity === "SOFT" && r.note === "Note")).toBe(true);
    expect(await auditCount("guideline.addRule")).toBe(9);
  });

  it("puts bad rule parameters next to their field for every kind, storing nothing", async () => {
    const { version } = await newDraft(null);
    const before = await snapshot(version);
    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [{ kind: "MAX_AMOUNT", maxAmount: "mange penge" }, { maxAmount: ["guidelines.error.maxAmount"] }],
      [{ kind: "MAX_AMOUNT", maxAmount: "0" }, { maxAmount: ["guidelines.error.maxAmount"] }],
      [{ kind: "MAX_AMOUNT" }, { maxAmount: ["validation.required"] }],
      [{ kind: "MIN_COFINANCING_SHARE", minShare: "150" }, { minShare: ["guidelines.error.percent"] }],
      [{ kind: "COST_CATEGORIES" }, { eligible: ["guidelines.error.eligible"] }],
      [{ kind: "COST_CATEGORIES", eligible: ["BEER"] }, { eligible: ["guidelines.error.eligibleUnknown"] }],
      [{ kind: "START_WITHIN_MONTHS", months: "40" }, { months: ["guidelines.error.months"] }],
      [{ kind: "MIN_PARTICIPANTS", minParticipants: "0" }, { minParticipants: ["guidelines.error.minParticipants"] }],
      [{ kind: "MIN_AREAS", minAreas: "mange" }, { minAreas: ["guidelines.error.minAreas"] }],
      [{ kind: "MAX_ROUND_SHARE_PER_AREA", maxRoundShare: "0" }, { maxRoundShare: ["guidelines.error.percent"] }],
      [{ kind: "NOPE" }, { kind: ["validation.choose"] }],
    ];
    for (const [form, errors] of cases) {
      const result = await post(sec, version, { intent: "addRule", severity: "HARD", ...form });
      expect(result.status, JSON.stringify(form)).toBe(400);
      expect(fieldErrors(result), JSON.stringify(form)).toEqual(errors);
    }
    const noSeverity = await post(sec, version, { intent: "addRule", kind: "ACTIVITY_IN_YEAR" });
    expect(fieldErrors(noSeverity)).toEqual({ severity: ["validation.choose"] });
    expect(await snapshot(version)).toEqual(before);
  });

  it("refuses a second rule of the same kind next to the kind", async () => {
    const { version } = await newDraft(1);
    const result = await post(sec, version, { intent: "addRule", kind: "MIN_AREAS", severity: "HARD", minAreas: "3" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ kind: ["guidelines.error.ruleExists"] });
  });

  it("removes rules, and saves and removes criteria", async () => {
    const { version } = await newDraft(1);
    const rule = await prisma.eligibilityRule.findFirstOrThrow({ where: { guidelineVersion: { version }, kind: "MIN_AREAS" } });
    const removed = await post(sec, version, { intent: "removeRule", ruleId: rule.id });
    expect(removed.location).toBe(`/guidelines/${version}?ok=ruleRemoved#rules`);
    expect(await prisma.eligibilityRule.count({ where: { id: rule.id } })).toBe(0);

    const added = await post(sec, version, { intent: "saveCriterion", name: "Bæredygtighed", description: "Varig effekt", weight: "10", scaleMin: "0", scaleMax: "5" });
    expect(added.location).toBe(`/guidelines/${version}?ok=criterionSaved#criteria`);
    const criterion = await prisma.assessmentCriterion.findFirstOrThrow({ where: { guidelineVersion: { version }, name: "Bæredygtighed" } });
    const edited = await post(sec, version, { intent: "saveCriterion", criterionId: criterion.id, name: "Bæredygtighed", weight: "20", scaleMin: "1", scaleMax: "10" });
    expect(edited.status).toBe(302);
    expect(await prisma.assessmentCriterion.findUniqueOrThrow({ where: { id: criterion.id } })).toMatchObject({ weight: 20, scaleMin: 1, scaleMax: 10, description: "" });
    const gone = await post(sec, version, { intent: "removeCriterion", criterionId: criterion.id });
    expect(gone.location).toBe(`/guidelines/${version}?ok=criterionRemoved#criteria`);
    expect(await prisma.assessmentCriterion.count({ where: { id: criterion.id } })).toBe(0);
    expect(await auditCount("guideline.removeRule")).toBe(1);
    expect(await auditCount("guideline.saveCriterion")).toBe(2);
    expect(await auditCount("guideline.removeCriterion")).toBe(1);
  });

  it("puts bad criterion fields next to them, storing nothing", async () => {
    const { version } = await newDraft(1);
    const before = await snapshot(version);
    const base = { intent: "saveCriterion", name: "Nyt", weight: "10", scaleMin: "0", scaleMax: "5" };
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ name: "" }, { name: ["validation.required"] }],
      [{ weight: "0" }, { weight: ["guidelines.error.weight"] }],
      [{ weight: "2,5" }, { weight: ["validation.integer"] }],
      [{ weight: "" }, { weight: ["validation.integer"] }],
      [{ scaleMin: "5", scaleMax: "5" }, { scaleMax: ["guidelines.error.scaleOrder"] }],
      [{ scaleMax: "101" }, { scaleMax: ["guidelines.error.scaleRange"] }],
      [{ name: "Rækkevidde" }, { name: ["guidelines.error.criterionExists"] }],
    ];
    for (const [change, errors] of cases) {
      const result = await post(sec, version, { ...base, ...change });
      expect(result.status, JSON.stringify(change)).toBe(400);
      expect(fieldErrors(result), JSON.stringify(change)).toEqual(errors);
    }
    expect(await snapshot(version)).toEqual(before);
  });

  it("records HMU's adoption only through the confirmation step, and supersedes v1", async () => {
    const { version } = await newDraft(1);
    const unconfirmed = await post(sec, version, { intent: "adopt", adoptedOn: "2026-09-01" });
    expect(unconfirmed.status).toBe(400);
    expect(formErrors(unconfirmed)).toEqual(["guidelines.error.confirmRequired"]);
    const future = await post(sec, version, { intent: "adopt", adoptedOn: "2099-01-01", confirmed: "yes" }, "?adopt=confirm");
    expect(future.status).toBe(400);
    expect(fieldErrors(future)).toEqual({ adoptedOn: ["guidelines.error.adoptedOnFuture"] });
    const early = await post(sec, version, { intent: "adopt", adoptedOn: "2026-01-01", confirmed: "yes" }, "?adopt=confirm");
    expect(fieldErrors(early)).toEqual({ adoptedOn: ["Datoen ligger før HMU's vedtagelse af den gældende version 1 (18.6.2026)."] });
    const badDate = await post(sec, version, { intent: "adopt", adoptedOn: "2026-02-30", confirmed: "yes" }, "?adopt=confirm");
    expect(fieldErrors(badDate)).toEqual({ adoptedOn: ["validation.date"] });
    // A year the database cannot store is a field error too, not a server error.
    const yearZero = await post(sec, version, { intent: "adopt", adoptedOn: "0000-01-01", confirmed: "yes" }, "?adopt=confirm");
    expect(fieldErrors(yearZero)).toEqual({ adoptedOn: ["validation.date"] });
    expect((await prisma.guidelineVersion.findUniqueOrThrow({ where: { version } })).status).toBe("DRAFT");
    expect(await auditCount("guideline.adopt")).toBe(0);

    const adopted = await post(sec, version, { intent: "adopt", adoptedOn: "2026-09-01", confirmed: "yes" }, "?adopt=confirm");
    expect(adopted.status).toBe(302);
    expect(adopted.location).toBe(`/guidelines/${version}?ok=adopted`);
    expect(await prisma.guidelineVersion.findUniqueOrThrow({ where: { version } })).toMatchObject({ status: "ADOPTED", adoptedOn: day("2026-09-01") });
    expect((await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } })).status).toBe("SUPERSEDED");
    expect(await auditCount("guideline.adopt")).toBe(1);
    expect(await auditCount("guideline.supersede")).toBe(1);

    const page = await loadVersion(demoEmail.applicant, version, "?ok=adopted");
    expect(page.status).toBe(200);
    const html = render(versionRoute, "/guidelines/:version", `/guidelines/${version}?ok=adopted`, page.data);
    expect(html).toContain(`Version ${version} er nu de gældende retningslinjer.`);
    const old = render(versionRoute, "/guidelines/:version", "/guidelines/1", (await loadVersion(demoEmail.applicant, 1)).data);
    expect(old).toContain("Denne version er erstattet og gælder ikke længere.");
    expect(old).toContain(`href="/guidelines/${version}"`);
  });

  it("refuses to adopt an empty draft", async () => {
    const { version } = await newDraft(null);
    const result = await post(sec, version, { intent: "adopt", adoptedOn: "2026-09-01", confirmed: "yes" }, "?adopt=confirm");
    expect(result.status).toBe(400);
    expect(formErrors(result)).toEqual(["guidelines.error.adoptEmpty"]);
  });

  it("answers 400 to an unknown intent", async () => {
    const { version } = await newDraft();
    expect((await post(sec, version, { intent: "delete" })).status).toBe(400);
  });
});

describe("an adopted version refuses every change", () => {
  it("answers each intent with the Danish message and changes nothing", async () => {
    const v1 = await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 }, include: { rules: true, criteria: true } });
    const before = await snapshot(1);
    const intents: Record<string, string>[] = [
      { intent: "update", title: "Ændret", body: "Ændret" },
      { intent: "addRule", kind: "MIN_AREAS", severity: "HARD", minAreas: "3" },
      { intent: "removeRule", ruleId: v1.rules[0]!.id },
      { intent: "saveCriterion", name: "Nyt", weight: "5", scaleMin: "0", scaleMax: "5" },
      { intent: "saveCriterion", criterionId: v1.criteria[0]!.id, name: "Ændret", weight: "99", scaleMin: "0", scaleMax: "5" },
      { intent: "removeCriterion", criterionId: v1.criteria[0]!.id },
      { intent: "adopt", adoptedOn: "2026-09-01", confirmed: "yes" },
    ];
    for (const form of intents) {
      const result = await post(demoEmail.secretariat, 1, form);
      expect(result.status, form.intent).toBe(400);
      expect(formErrors(result), form.intent).toEqual(["Version 1 er vedtaget af HMU og kan ikke ændres. Opret et nyt udkast baseret på den."]);
    }
    expect(await snapshot(1)).toEqual(before);

    // The page shows the refusal at the top, and offers a new draft instead.
    const page = await loadVersion(demoEmail.secretariat, 1);
    const reply = await post(demoEmail.secretariat, 1, intents[0]!);
    const html = render(versionRoute, "/guidelines/:version", "/guidelines/1", page.data, reply.data);
    expect(html).toContain("Version 1 er vedtaget af HMU og kan ikke ændres. Opret et nyt udkast baseret på den.");
    expect(html).toContain('href="/guidelines/new?basedOn=1"');
    expect(html).not.toContain('id="guideline-text"');
  });

  it("says 'erstattet' for a superseded version", async () => {
    const { version } = await newDraft(1);
    await post(demoEmail.secretariat, version, { intent: "adopt", adoptedOn: "2026-09-01", confirmed: "yes" });
    const result = await post(demoEmail.secretariat, 1, { intent: "update", title: "Ændret" });
    expect(formErrors(result)).toEqual(["Version 1 er erstattet af en nyere version og kan ikke ændres. Opret et nyt udkast baseret på den."]);
  });
});

describe("who may change a draft", () => {
  it("refuses HMU, applicants and everyone but the secretariat (403) on every intent, changing nothing", async () => {
    const { version } = await newDraft(1);
    const draft = await prisma.guidelineVersion.findUniqueOrThrow({ where: { version }, include: { rules: true, criteria: true } });
    const before = await snapshot(version);
    const intents: Record<string, string>[] = [
      { intent: "update", title: "Ændret" },
      { intent: "addRule", kind: "MIN_AREAS", severity: "HARD", minAreas: "3" },
      { intent: "removeRule", ruleId: draft.rules[0]!.id },
      { intent: "saveCriterion", name: "Nyt", weight: "5", scaleMin: "0", scaleMax: "5" },
      { intent: "removeCriterion", criterionId: draft.criteria[0]!.id },
      { intent: "adopt", adoptedOn: "2026-09-01", confirmed: "yes" },
    ];
    for (const role of ROLES.filter((r) => r !== "SECRETARIAT")) {
      for (const form of intents) {
        expect((await post(demoEmailFor(role), version, form)).status, `${role} ${form.intent}`).toBe(403);
      }
    }
    expect(await snapshot(version)).toEqual(before);
  });
});

describe("the draft page", () => {
  it("shows the secretariat the forms: text, the two-step rule form, criteria and adoption", async () => {
    const { version } = await newDraft(1);
    const url = `/guidelines/${version}`;
    // The draft has a rule of every kind (copied from v1): nothing to add.
    const full = render(versionRoute, "/guidelines/:version", url, (await loadVersion(demoEmail.secretariat, version)).data);
    expect(full).toContain('id="guideline-text"');
    expect(full).toContain("Versionen har allerede et krav af hver slags.");
    expect(full).not.toContain('name="ruleKind"');
    expect(full).toContain("Tilføj et vurderingskriterium");
    expect(full).toContain("Registrér HMU&#x27;s vedtagelse …");
    expect(full).toContain("Et krav, der skal være opfyldt, stopper ansøgningen");
    expect(full).toContain(`href="/guidelines/${version}/diff?against=1"`);

    await removeGuidelineRule(await actorFor(demoEmail.secretariat), {
      version,
      ruleId: (await prisma.eligibilityRule.findFirstOrThrow({ where: { guidelineVersion: { version }, kind: "MAX_AMOUNT" } })).id,
    });
    const step1 = render(versionRoute, "/guidelines/:version", url, (await loadVersion(demoEmail.secretariat, version)).data);
    expect(step1).toContain("Trin 1 af 2");
    expect(step1).toContain('name="ruleKind"');
    // Only the kind no longer in the draft is offered.
    expect(step1.match(/<option value="[A-Z_]+"/g)).toEqual(['<option value="MAX_AMOUNT"']);
    const step2Data = (await loadVersion(demoEmail.secretariat, version, "?ruleKind=MAX_AMOUNT")).data as VersionData;
    expect(step2Data.ruleKind).toBe("MAX_AMOUNT");
    const step2 = render(versionRoute, "/guidelines/:version", `${url}?ruleKind=MAX_AMOUNT`, step2Data);
    expect(step2).toContain("Trin 2 af 2: Maksimalt beløb pr. ansøgning");
    expect(step2).toContain('name="maxAmount"');
    expect(step2).not.toContain('name="months"');
    expect(step2).toContain('name="severity"');

    const bad = await post(demoEmail.secretariat, version, { intent: "addRule", kind: "MAX_AMOUNT", severity: "HARD", maxAmount: "nul" }, "?ruleKind=MAX_AMOUNT");
    const withError = render(versionRoute, "/guidelines/:version", `${url}?ruleKind=MAX_AMOUNT`, step2Data, bad.data);
    expect(withError).toContain("Skriv et beløb over 0 kr., fx 250.000 eller 1.234,50.");
    expect(withError).toContain('aria-invalid="true"');

    const confirm = render(versionRoute, "/guidelines/:version", `${url}?adopt=confirm`, (await loadVersion(demoEmail.secretariat, version, "?adopt=confirm")).data);
    expect(confirm).toContain("Er du sikker?");
    expect(confirm).toContain("Version 1, som gælder nu, bliver erstattet.");
    expect(confirm).toContain('name="confirmed" value="yes"');
    expect(confirm).toContain('type="date"');

    const criterion = await prisma.assessmentCriterion.findFirstOrThrow({ where: { guidelineVersion: { version }, name: "Rækkevidde" } });
    const editing = render(
      versionRoute,
      "/guidelines/:version",
      `${url}?criterion=${criterion.id}`,
      (await loadVersion(demoEmail.secretariat, version, `?criterion=${criterion.id}`)).data,
    );
    expect(editing).toContain("Ret vurderingskriteriet: Rækkevidde");
    expect(editing).toContain(`name="criterionId" value="${criterion.id}"`);
  });

  it("shows HMU the draft without any form", async () => {
    const { version } = await newDraft(1);
    const data = (await loadVersion(demoEmail.hmu, version, "?adopt=confirm&ruleKind=MAX_AMOUNT")).data as VersionData;
    expect(data).toMatchObject({ editable: false, confirmAdopt: false, ruleKind: null, canCreateDraft: false });
    const html = render(versionRoute, "/guidelines/:version", `/guidelines/${version}`, data);
    expect(html).toContain("Dette er et udkast.");
    expect(html).not.toContain('method="post"');
  });
});

describe("/guidelines/:version/diff", () => {
  async function loadDiff(email: string, version: number, search = ""): Promise<CallResult> {
    return callLoader(diffRoute, `/guidelines/${version}/diff${search}`, { params: { version: String(version) }, cookie: await cookieFor(email) });
  }

  async function changedDraft() {
    const actor = await actorFor(demoEmail.secretariat);
    const { version } = await createGuidelineDraft(actor, {
      title: "Retningslinjer for den tværgående kompetencepulje 2027",
      body: (await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } })).body.replace("seks millioner", "syv millioner"),
      basedOnVersion: 1,
    });
    const maxAmount = await prisma.eligibilityRule.findFirstOrThrow({ where: { guidelineVersion: { version }, kind: "MAX_AMOUNT" } });
    await removeGuidelineRule(actor, { version, ruleId: maxAmount.id });
    await addGuidelineRule(actor, { version, kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: "30000000" }, note: maxAmount.note });
    const minAreas = await prisma.eligibilityRule.findFirstOrThrow({ where: { guidelineVersion: { version }, kind: "MIN_AREAS" } });
    await removeGuidelineRule(actor, { version, ruleId: minAreas.id });
    const reach = await prisma.assessmentCriterion.findFirstOrThrow({ where: { guidelineVersion: { version }, name: "Rækkevidde" } });
    await saveGuidelineCriterion(actor, { version, criterionId: reach.id, name: "Rækkevidde", description: reach.description, weight: 20, scaleMin: 0, scaleMax: 5 });
    await saveGuidelineCriterion(actor, { version, criterionId: null, name: "Bæredygtighed", description: "", weight: 5, scaleMin: 0, scaleMax: 5 });
    return version;
  }

  it("compares with the version it is based on by default and shows every kind of change", async () => {
    const version = await changedDraft();
    const result = await loadDiff(demoEmail.hmu, version);
    expect(result.status).toBe(200);
    const data = result.data as DiffData;
    expect(data.against?.version).toBe(1);
    expect(data.unchanged).toBe(false);
    expect(data.diff?.rules.map((c) => [c.type, c.kind])).toEqual([
      ["changed", "MAX_AMOUNT"],
      ["removed", "MIN_AREAS"],
    ]);
    expect(data.diff?.criteria.map((c) => [c.type, c.name])).toEqual([
      ["changed", "Rækkevidde"],
      ["added", "Bæredygtighed"],
    ]);
    const html = render(diffRoute, "/guidelines/:version/diff", `/guidelines/${version}/diff`, data);
    expect(html).toContain(`Sammenligning af version ${version} med version 1`);
    expect(html).toMatch(/<del[^>]*><span class="sr-only">\[Fjernet: <\/span>seks/);
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">\[Tilføjet: <\/span>syv/);
    expect(html).toContain("Højst 250.000,00 kr.");
    expect(html).toContain("Højst 300.000,00 kr.");
    expect(html).toContain("Mindst 2 forvaltningsområder");
    expect(html).toContain("Bæredygtighed");
    expect(html).toContain("uændrede linjer");
  });

  it("compares with a chosen version, and says so when nothing differs", async () => {
    const { version } = await newDraft(1);
    await prisma.guidelineVersion.update({ where: { version }, data: { title: (await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } })).title, body: (await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } })).body } });
    const data = (await loadDiff(demoEmail.secretariat, 1, `?against=${version}`)).data as DiffData;
    expect(data.against?.version).toBe(version);
    expect(data.unchanged).toBe(true);
    expect(render(diffRoute, "/guidelines/:version/diff", `/guidelines/1/diff?against=${version}`, data)).toContain("Der er ingen forskelle mellem de to versioner.");
  });

  it("has nothing to compare for the only version", async () => {
    const result = await loadDiff(demoEmail.applicant, 1);
    expect(result.status).toBe(200);
    const data = result.data as DiffData;
    expect(data.diff).toBeNull();
    expect(render(diffRoute, "/guidelines/:version/diff", "/guidelines/1/diff", data)).toContain("Der er ingen anden version at sammenligne med.");
  });

  it("answers 404 for unknown versions and for drafts the user may not read", async () => {
    const version = await changedDraft();
    expect((await loadDiff(demoEmail.hmu, version, "?against=99")).status).toBe(404);
    expect((await loadDiff(demoEmail.hmu, version, "?against=abc")).status).toBe(404);
    expect((await loadDiff(demoEmail.hmu, version, `?against=${version}`)).status).toBe(404);
    expect((await loadDiff(demoEmail.hmu, 99)).status).toBe(404);
    expect((await loadDiff(demoEmail.applicant, version)).status).toBe(404);
    expect((await loadDiff(demoEmail.applicant, 1, `?against=${version}`)).status).toBe(404);
    expect((await loadDiff(demoEmail.finance, 1)).status).toBe(200);
  });
});

describe("services used by the pages", () => {
  it("keeps the page's text edits in the draft only", async () => {
    const { version } = await newDraft(1);
    await updateGuidelineDraft(await actorFor(demoEmail.secretariat), { version, title: "Kun udkastet", body: "" });
    expect((await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } })).title).toBe("Retningslinjer for den tværgående kompetencepulje");
  });
});
