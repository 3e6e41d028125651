import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { DEMO_CRITERIA, DEMO_RULES } from "../../prisma/seed-data";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import {
  addGuidelineRule,
  adoptGuidelineVersion,
  createGuidelineDraft,
  getGuidelineVersion,
  listGuidelineVersions,
  removeGuidelineCriterion,
  removeGuidelineRule,
  saveGuidelineCriterion,
  updateGuidelineDraft,
} from "./guidelines.server";
import { FieldError, PermissionError, type Actor } from "./mutation.server";

beforeEach(resetToDemo);

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const secretariat = () => actorFor(demoEmail.secretariat);

async function draft(actor: Actor, basedOnVersion: number | null = null, title = "Retningslinjer 2027") {
  return createGuidelineDraft(actor, { title, body: "## Formål\n\nTekst.", basedOnVersion });
}

/** Everything stored about a version, to prove a refused change changed nothing. */
async function stored(version: number) {
  return prisma.guidelineVersion.findUniqueOrThrow({
    where: { version },
    include: { rules: { orderBy: { id: "asc" } }, criteria: { orderBy: { id: "asc" } } },
  });
}

async function expectFieldError(promise: Promise<unknown>, field: string, messageKey: string, vars?: Record<string, unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  expect((error as FieldError).field).toBe(field);
  expect((error as FieldError).messageKey).toBe(messageKey);
  if (vars) expect((error as FieldError).vars).toEqual(vars);
}

describe("drafts", () => {
  it("numbers new versions max + 1 and audits the creation", async () => {
    const actor = await secretariat();
    const first = await draft(actor);
    const second = await draft(actor, null, "Endnu et udkast");
    expect([first.version, second.version]).toEqual([2, 3]);
    const row = await stored(2);
    expect(row).toMatchObject({ status: "DRAFT", title: "Retningslinjer 2027", adoptedOn: null, basedOnId: null });
    expect(row.rules).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.createDraft", entityId: first.id } });
    expect(event.entityType).toBe("GuidelineVersion");
    expect(event.after).toMatchObject({ version: 2, status: "DRAFT", title: "Retningslinjer 2027", basedOnVersion: null });
  });

  it("gives concurrent drafts distinct numbers", async () => {
    const actor = await secretariat();
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => draft(actor, null, `Udkast ${i}`)));
    expect(created.map((c) => c.version).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it("copies rules and criteria from the version it is based on", async () => {
    const { version } = await draft(await secretariat(), 1);
    const copy = await getGuidelineVersion(version);
    const original = await getGuidelineVersion(1);
    expect(copy?.basedOnVersion).toBe(1);
    expect(copy?.rules.map(({ kind, severity, params, note }) => ({ kind, severity, params, note }))).toEqual(
      DEMO_RULES.map(({ kind, severity, params, note }) => ({ kind, severity, params, note })),
    );
    expect(copy?.criteria.map((c) => [c.name, c.weight])).toEqual(DEMO_CRITERIA.map((c) => [c.name, c.weight]));
    // Copies, not shared rows: the original keeps its own.
    expect(copy?.rules.map((r) => r.id)).not.toContain(original?.rules[0]?.id);
    expect(original?.rules).toHaveLength(DEMO_RULES.length);
  });

  it("refuses an unknown base version and a missing or long title, storing nothing", async () => {
    const actor = await secretariat();
    const before = { versions: await prisma.guidelineVersion.count(), audits: await auditCount() };
    await expectFieldError(draft(actor, 99), "basedOn", "guidelines.error.baseUnknown");
    await expectFieldError(createGuidelineDraft(actor, { title: "  ", body: "", basedOnVersion: null }), "title", "validation.required");
    await expectFieldError(createGuidelineDraft(actor, { title: "x".repeat(201), body: "", basedOnVersion: null }), "title", "validation.tooLong");
    await expectFieldError(createGuidelineDraft(actor, { title: "T", body: "x".repeat(50_001), basedOnVersion: null }), "body", "validation.tooLong");
    expect({ versions: await prisma.guidelineVersion.count(), audits: await auditCount() }).toEqual(before);
  });

  it("updates title and text of a draft with before/after in the audit", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor);
    await updateGuidelineDraft(actor, { version, title: " Ny titel ", body: "Ny\r\ntekst" });
    expect(await stored(version)).toMatchObject({ title: "Ny titel", body: "Ny\ntekst" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.update", entityId: id } });
    expect(event.before).toEqual({ title: "Retningslinjer 2027", body: "## Formål\n\nTekst." });
    expect(event.after).toEqual({ title: "Ny titel", body: "Ny\ntekst" });
  });
});

describe("rules", () => {
  it("adds a rule of each kind with valid parameters, and audits it", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor);
    for (const rule of DEMO_RULES) {
      await addGuidelineRule(actor, { version, kind: rule.kind, severity: rule.severity, params: rule.params, note: rule.note });
    }
    const row = await stored(version);
    expect(row.rules.map((r) => r.kind).sort()).toEqual(DEMO_RULES.map((r) => r.kind).sort());
    expect(await prisma.auditEvent.count({ where: { action: "guideline.addRule", entityId: id } })).toBe(DEMO_RULES.length);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.addRule", entityId: id }, orderBy: { id: "asc" } });
    expect(event.after).toMatchObject({ version, kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: "25000000" } });
  });

  it("refuses bad parameters of every kind next to the kind's field, storing nothing", async () => {
    const actor = await secretariat();
    const { version } = await draft(actor);
    const bad: [string, unknown, string][] = [
      ["MAX_AMOUNT", { maxOre: "-5" }, "maxAmount"],
      ["MAX_AMOUNT", { maxOre: 100 }, "maxAmount"],
      ["MIN_COFINANCING_SHARE", { minBasisPoints: 0 }, "minShare"],
      ["MIN_COFINANCING_SHARE", { minBasisPoints: 10_001 }, "minShare"],
      ["COST_CATEGORIES", { eligible: [] }, "eligible"],
      ["COST_CATEGORIES", { eligible: ["BEER"] }, "eligible"],
      ["START_WITHIN_MONTHS", { months: 0 }, "months"],
      ["START_WITHIN_MONTHS", { months: 1.5 }, "months"],
      ["MIN_PARTICIPANTS", {}, "minParticipants"],
      ["MIN_AREAS", { min: 21 }, "minAreas"],
      ["MAX_ROUND_SHARE_PER_AREA", { maxBasisPoints: -1 }, "maxRoundShare"],
    ];
    const audits = await auditCount();
    for (const [kind, params, field] of bad) {
      await expectFieldError(addGuidelineRule(actor, { version, kind, severity: "HARD", params, note: "" }), field, "guidelines.error.params");
    }
    await expectFieldError(addGuidelineRule(actor, { version, kind: "NOPE", severity: "HARD", params: {}, note: "" }), "kind", "validation.choose");
    await expectFieldError(
      addGuidelineRule(actor, { version, kind: "ACTIVITY_IN_YEAR", severity: "MAYBE" as "HARD", params: {}, note: "" }),
      "severity",
      "validation.choose",
    );
    await expectFieldError(
      addGuidelineRule(actor, { version, kind: "ACTIVITY_IN_YEAR", severity: "SOFT", params: {}, note: "x".repeat(501) }),
      "note",
      "validation.tooLong",
    );
    expect((await stored(version)).rules).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("allows one rule per kind", async () => {
    const actor = await secretariat();
    const { version } = await draft(actor);
    await addGuidelineRule(actor, { version, kind: "MIN_AREAS", severity: "SOFT", params: { min: 2 }, note: "" });
    await expectFieldError(addGuidelineRule(actor, { version, kind: "MIN_AREAS", severity: "HARD", params: { min: 3 }, note: "" }), "kind", "guidelines.error.ruleExists");
    expect((await stored(version)).rules).toHaveLength(1);
  });

  it("removes a rule of the draft (and only of the draft)", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor, 1);
    const rule = (await stored(version)).rules.find((r) => r.kind === "MIN_AREAS")!;
    await removeGuidelineRule(actor, { version, ruleId: rule.id });
    expect((await stored(version)).rules.map((r) => r.kind)).not.toContain("MIN_AREAS");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.removeRule", entityId: id } });
    expect(event.before).toMatchObject({ kind: "MIN_AREAS", params: { min: 2 } });
    // A rule of another version (v1) cannot be removed through the draft.
    const v1Rule = (await stored(1)).rules[0]!;
    await expectFieldError(removeGuidelineRule(actor, { version, ruleId: v1Rule.id }), "", "guidelines.error.ruleUnknown");
    expect((await stored(1)).rules).toHaveLength(DEMO_RULES.length);
  });
});

describe("criteria", () => {
  it("adds and edits a criterion, auditing before and after", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor);
    const { id: criterionId } = await saveGuidelineCriterion(actor, {
      version,
      criterionId: null,
      name: " Bæredygtighed ",
      description: "Varig effekt",
      weight: 10,
      scaleMin: 0,
      scaleMax: 5,
    });
    await saveGuidelineCriterion(actor, { version, criterionId, name: "Bæredygtighed", description: "Varig effekt", weight: 20, scaleMin: 1, scaleMax: 10 });
    const row = await stored(version);
    expect(row.criteria).toEqual([expect.objectContaining({ name: "Bæredygtighed", weight: 20, scaleMin: 1, scaleMax: 10 })]);
    const events = await prisma.auditEvent.findMany({ where: { action: "guideline.saveCriterion", entityId: id }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]!.before).toBeNull();
    expect(events[1]!.before).toMatchObject({ weight: 10, scaleMax: 5 });
    expect(events[1]!.after).toMatchObject({ weight: 20, scaleMax: 10 });
  });

  it("refuses a duplicate name, a bad weight or scale, and an unknown criterion, storing nothing", async () => {
    const actor = await secretariat();
    const { version } = await draft(actor, 1);
    const before = (await stored(version)).criteria;
    const audits = await auditCount();
    const input = { version, criterionId: null, name: "Ny", description: "", weight: 10, scaleMin: 0, scaleMax: 5 };
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, name: "rækkevidde" }), "name", "guidelines.error.criterionExists");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, name: " " }), "name", "validation.required");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, weight: 0 }), "weight", "guidelines.error.weight");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, weight: 2.5 }), "weight", "guidelines.error.weight");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, scaleMin: 5, scaleMax: 5 }), "scaleMax", "guidelines.error.scaleOrder");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, scaleMin: -1 }), "scaleMin", "guidelines.error.scaleRange");
    await expectFieldError(saveGuidelineCriterion(actor, { ...input, criterionId: "nope" }), "", "guidelines.error.criterionUnknown");
    expect((await stored(version)).criteria).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("keeps a criterion's own name when it is edited", async () => {
    const actor = await secretariat();
    const { version } = await draft(actor, 1);
    const criterion = (await stored(version)).criteria.find((c) => c.name === "Rækkevidde")!;
    await saveGuidelineCriterion(actor, { version, criterionId: criterion.id, name: "Rækkevidde", description: "", weight: 5, scaleMin: 0, scaleMax: 5 });
    expect((await stored(version)).criteria.find((c) => c.id === criterion.id)?.weight).toBe(5);
  });

  it("removes a criterion with the removed values in the audit", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor, 1);
    const criterion = (await stored(version)).criteria[0]!;
    await removeGuidelineCriterion(actor, { version, criterionId: criterion.id });
    expect((await stored(version)).criteria).toHaveLength(DEMO_CRITERIA.length - 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.removeCriterion", entityId: id } });
    expect(event.before).toMatchObject({ name: criterion.name, weight: criterion.weight });
  });
});

describe("adoption", () => {
  it("adopts a draft and supersedes the version in force in one step, auditing both", async () => {
    const actor = await secretariat();
    const { id, version } = await draft(actor, 1);
    const result = await adoptGuidelineVersion(actor, { version, adoptedOn: day("2026-11-20"), today: day("2026-11-26") });
    expect(result).toEqual({ supersededVersion: 1 });
    const adopted = await stored(version);
    expect(adopted).toMatchObject({ status: "ADOPTED", adoptedOn: day("2026-11-20") });
    expect(adopted.adoptedAt).toBeInstanceOf(Date);
    const v1 = await stored(1);
    expect(v1.status).toBe("SUPERSEDED");
    expect(v1.supersededAt).toBeInstanceOf(Date);
    expect(v1.adoptedOn).toEqual(day("2026-06-18")); // history stays
    expect(await prisma.guidelineVersion.count({ where: { status: "ADOPTED" } })).toBe(1);
    const adopt = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.adopt" } });
    expect(adopt).toMatchObject({ entityType: "GuidelineVersion", entityId: id });
    expect(adopt.before).toEqual({ version, status: "DRAFT" });
    expect(adopt.after).toMatchObject({ status: "ADOPTED", adoptedOn: "2026-11-20", supersedes: 1 });
    const supersede = await prisma.auditEvent.findFirstOrThrow({ where: { action: "guideline.supersede" } });
    expect(supersede).toMatchObject({ entityId: v1.id, requestId: adopt.requestId });
    expect(supersede.after).toEqual({ version: 1, status: "SUPERSEDED", supersededBy: version });
  });

  it("walks draft → adopted → superseded through several versions", async () => {
    const actor = await secretariat();
    const v2 = await draft(actor, 1);
    await adoptGuidelineVersion(actor, { version: v2.version, adoptedOn: day("2026-09-01"), today: day("2026-12-01") });
    const v3 = await draft(actor, 2);
    await adoptGuidelineVersion(actor, { version: v3.version, adoptedOn: day("2026-11-01"), today: day("2026-12-01") });
    const list = await listGuidelineVersions({ includeDrafts: true });
    expect(list.map((v) => [v.version, v.status, v.basedOnVersion])).toEqual([
      [3, "ADOPTED", 2],
      [2, "SUPERSEDED", 1],
      [1, "SUPERSEDED", null],
    ]);
  });

  it("adopting two drafts at once leaves exactly one version in force and a clean chain of supersessions", async () => {
    const actor = await secretariat();
    const v2 = await draft(actor, 1);
    const v3 = await draft(actor, 1, "Alternativt udkast");
    const results = await Promise.allSettled(
      [v2, v3].map((d) => adoptGuidelineVersion(actor, { version: d.version, adoptedOn: day("2026-11-20"), today: day("2026-11-26") })),
    );
    // They run one after the other (catalogue lock): both succeed, the later one supersedes the earlier.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const statuses = (await listGuidelineVersions({ includeDrafts: true })).map((v) => v.status);
    expect(statuses.filter((s) => s === "ADOPTED")).toHaveLength(1);
    expect(statuses.filter((s) => s === "SUPERSEDED")).toHaveLength(2);
    expect(await auditCount("guideline.supersede")).toBe(2);
  });

  it("lists drafts only when asked for", async () => {
    await draft(await secretariat());
    expect((await listGuidelineVersions({ includeDrafts: false })).map((v) => v.version)).toEqual([1]);
    expect((await listGuidelineVersions({ includeDrafts: true })).map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses an empty draft, a date in the future and a date before the version in force", async () => {
    const actor = await secretariat();
    const empty = await draft(actor);
    const audits = await auditCount();
    await expectFieldError(adoptGuidelineVersion(actor, { version: empty.version, adoptedOn: day("2026-11-01"), today: day("2026-11-26") }), "", "guidelines.error.adoptEmpty");
    const full = await draft(actor, 1);
    const afterDraft = await auditCount();
    await expectFieldError(
      adoptGuidelineVersion(actor, { version: full.version, adoptedOn: day("2026-11-27"), today: day("2026-11-26") }),
      "adoptedOn",
      "guidelines.error.adoptedOnFuture",
    );
    await expectFieldError(
      adoptGuidelineVersion(actor, { version: full.version, adoptedOn: day("2026-06-17"), today: day("2026-11-26") }),
      "adoptedOn",
      "guidelines.error.adoptedOnBeforeInForce",
      { version: 1, adoptedOn: "2026-06-18" },
    );
    expect(afterDraft).toBe(audits + 1);
    expect(await auditCount()).toBe(afterDraft);
    expect((await stored(full.version)).status).toBe("DRAFT");
    expect((await stored(1)).status).toBe("ADOPTED");
  });

  it("uses today in Denmark when no date is given for today", async () => {
    const actor = await secretariat();
    const { version } = await draft(actor, 1);
    const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    await expectFieldError(
      adoptGuidelineVersion(actor, { version, adoptedOn: day(tomorrow.toISOString().slice(0, 10)) }),
      "adoptedOn",
      "guidelines.error.adoptedOnFuture",
    );
  });

  it("lets the database allow only one adopted version", async () => {
    await prisma.guidelineVersion.create({ data: { version: 2, title: "Udkast", status: "DRAFT" } });
    await expect(prisma.guidelineVersion.update({ where: { version: 2 }, data: { status: "ADOPTED" } })).rejects.toThrow();
  });
});

describe("adopted and superseded versions never change", () => {
  const attempts = (version: number, ruleId: string, criterionId: string) => [
    (a: Actor) => updateGuidelineDraft(a, { version, title: "Ændret", body: "Ændret" }),
    (a: Actor) => addGuidelineRule(a, { version, kind: "MIN_AREAS", severity: "HARD", params: { min: 3 }, note: "" }),
    (a: Actor) => removeGuidelineRule(a, { version, ruleId }),
    (a: Actor) => saveGuidelineCriterion(a, { version, criterionId: null, name: "Nyt", description: "", weight: 1, scaleMin: 0, scaleMax: 5 }),
    (a: Actor) => saveGuidelineCriterion(a, { version, criterionId, name: "Ændret", description: "", weight: 99, scaleMin: 0, scaleMax: 5 }),
    (a: Actor) => removeGuidelineCriterion(a, { version, criterionId }),
    (a: Actor) => adoptGuidelineVersion(a, { version, adoptedOn: day("2026-11-01"), today: day("2026-11-26") }),
  ];

  it("refuses every change to the adopted version with a Danish message, changing nothing", async () => {
    const actor = await secretariat();
    const before = await stored(1);
    const audits = await auditCount();
    for (const change of attempts(1, before.rules[0]!.id, before.criteria[0]!.id)) {
      await expectFieldError(change(actor), "", "guidelines.error.adopted", { version: 1 });
    }
    expect(await stored(1)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses every change to a superseded version, changing nothing", async () => {
    const actor = await secretariat();
    const v2 = await draft(actor, 1);
    await adoptGuidelineVersion(actor, { version: v2.version, adoptedOn: day("2026-09-01"), today: day("2026-11-26") });
    const before = await stored(1);
    const audits = await auditCount();
    for (const change of attempts(1, before.rules[0]!.id, before.criteria[0]!.id)) {
      await expectFieldError(change(actor), "", "guidelines.error.superseded", { version: 1 });
    }
    expect(await stored(1)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});

describe("permissions", () => {
  it("lets only the secretariat change guidelines", async () => {
    const { version } = await draft(await secretariat(), 1);
    const row = await stored(version);
    const before = { row, audits: await auditCount() };
    for (const email of [demoEmail.hmu, demoEmail.applicant, demoEmail.leadership, demoEmail.admin, demoEmail.areaLead, demoEmail.finance]) {
      const actor = await actorFor(email);
      const calls = [
        () => createGuidelineDraft(actor, { title: "X", body: "", basedOnVersion: null }),
        () => updateGuidelineDraft(actor, { version, title: "X", body: "" }),
        () => addGuidelineRule(actor, { version, kind: "ACTIVITY_IN_YEAR", severity: "HARD", params: {}, note: "" }),
        () => removeGuidelineRule(actor, { version, ruleId: row.rules[0]!.id }),
        () => saveGuidelineCriterion(actor, { version, criterionId: null, name: "X", description: "", weight: 1, scaleMin: 0, scaleMax: 5 }),
        () => removeGuidelineCriterion(actor, { version, criterionId: row.criteria[0]!.id }),
        () => adoptGuidelineVersion(actor, { version, adoptedOn: day("2026-11-01"), today: day("2026-11-26") }),
      ];
      for (const call of calls) {
        const error = await call().catch((e: unknown) => e);
        expect(error, email).toBeInstanceOf(PermissionError);
        expect((error as PermissionError).status).toBe(403);
      }
    }
    expect({ row: await stored(version), audits: await auditCount() }).toEqual(before);
  });
});
