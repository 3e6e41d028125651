// The application life cycle through its services: create, save, submit (with
// every required field, the round's closing time and the screening rules),
// frozen versions, return, resubmission, endorsement and withdrawal — each with
// its audit event and the e-mails it must write, and nothing changed on refusal.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { submissionProblems, type ApplicationContent } from "~/domain/applications/content";
import type { ApplicationSnapshot } from "~/domain/applications/snapshot";
import { diffSnapshots, type Snapshot } from "~/domain/applications/versions";
import type { Problem } from "~/domain/applications/problems";
import { kroner } from "~/domain/money";
import { problemMessage } from "~/utils/action.server";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import { checkSubmission, submitApplication, withdrawApplication } from "~/services/applications/submission.server";
import { createApplication, saveDraft } from "~/services/applications/drafting.server";
import { endorseApplication, endorseOnBehalf, returnApplication } from "~/services/applications/endorsement.server";
import { storedContent } from "~/services/applications/queries.server";
import { FieldError, PermissionError, ProblemsError } from "./mutation.server";
import { loadScreeningSetup, verdictsFromJson } from "./screening.server";

/** "Today" in the demo: Vinterrunde 2026 is open (16.11–11.12.2026 kl. 12.00), endorsement until 15.12.2026 kl. 12.00. */
const NOW = new Date("2026-11-26T12:00:00Z");

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToDemo();
});
afterEach(() => {
  vi.useRealTimers();
});

interface Ids {
  round: string;
  closedRound: string;
  unit: string;
  area: string;
  otherArea: string;
  focus: string[]; // the 2026 prioritisation's focus areas by rank
  notPrioritised: string;
  guidelineV1: string;
}

async function ids(): Promise<Ids> {
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
  const closedRound = await prisma.round.findFirstOrThrow({ where: { name: "Efterårsrunde 2026" } });
  const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, include: { unit: true } });
  const otherArea = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } });
  const focus = prioritisation.focusAreas.map((fa) => fa.focusAreaId);
  const notPrioritised = await prisma.focusArea.findFirstOrThrow({ where: { id: { notIn: focus } } });
  const guideline = await prisma.guidelineVersion.findUniqueOrThrow({ where: { version: 1 } });
  return {
    round: round.id,
    closedRound: closedRound.id,
    unit: applicant.unitId!,
    area: applicant.unit!.areaId,
    otherArea: otherArea.id,
    focus,
    notPrioritised: notPrioritised.id,
    guidelineV1: guideline.id,
  };
}

/** Content that meets every requirement and every rule of guidelines v1. */
function validContent(id: Ids, overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    unitId: null,
    contactName: "Anna Andersen",
    contactEmail: "ansoeger@demo.aarhus.dk",
    title: "Konflikthåndtering for frontpersonale",
    purpose: "Færre episoder med vold og trusler.",
    targetGroup: "Medarbejdere i borgerkontakten",
    participants: 12,
    activityType: "COURSE",
    startDate: new Date("2026-12-21T00:00:00Z"),
    endDate: new Date("2026-12-22T00:00:00Z"),
    costLines: [
      { category: "COURSE_FEE", description: "Kursusafgift", amountOre: kroner(40_000) + 1n },
      { category: "TRANSPORT", description: "Bus", amountOre: 1_234_567n },
    ],
    coFinancingOre: kroner(12_000) + 1n,
    focusAreaIds: [id.focus[0]!, id.focus[1]!],
    primaryFocusAreaId: id.focus[0]!,
    partnerAreaIds: [id.otherArea],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    softRuleJustification: "",
    ...overrides,
  };
}

async function newDraft(id: Ids, email: string = demoEmail.applicant) {
  return createApplication(await actorFor(email), { roundId: id.round, unitId: id.unit, now: NOW });
}

async function counts() {
  return {
    applications: await prisma.application.count(),
    versions: await prisma.applicationVersion.count(),
    costLines: await prisma.applicationCostLine.count(),
    comments: await prisma.applicationComment.count(),
    audits: await auditCount(),
    outbox: await prisma.outboxEmail.count(),
    notifications: await prisma.notification.count(),
  };
}

async function row(id: string) {
  return prisma.application.findUniqueOrThrow({ where: { id }, include: { costLines: { orderBy: { sortOrder: "asc" } }, focusAreas: true, partnerAreas: true } });
}

/**
 * The refusal names this problem next to this field (a FieldError, or one of
 * the problems of a ProblemsError, which names all problems at once).
 */
async function expectFieldError(promise: Promise<unknown>, field: string, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ProblemsError) {
    const problem = error.problems.find((p) => p.field === field && p.key === key);
    expect(problem, JSON.stringify(error.problems.map((p) => [p.field, p.key]))).toBeDefined();
    return { field, messageKey: key, vars: problem!.vars, problem: problem!, problems: error.problems };
  }
  expect(error).toBeInstanceOf(FieldError);
  const fieldError = error as FieldError;
  expect(fieldError.field).toBe(field);
  expect(fieldError.messageKey).toBe(key);
  const problem: Problem = { field: fieldError.field, key: fieldError.messageKey, vars: fieldError.vars };
  return { field, messageKey: fieldError.messageKey, vars: fieldError.vars, problem, problems: [problem] };
}

/** A draft with valid content, submitted. */
async function submitted(id: Ids, overrides: Partial<ApplicationContent> = {}) {
  const { id: applicationId } = await newDraft(id);
  const actor = await actorFor(demoEmail.applicant);
  await saveDraft(actor, { id: applicationId, content: validContent(id, overrides) });
  await submitApplication(actor, { id: applicationId, content: null, now: NOW });
  return applicationId;
}

describe("application.create", () => {
  it("creates a draft with the next reference of the pool year and the user as contact", async () => {
    const id = await ids();
    const before = await auditCount("application.create");
    const first = await newDraft(id);
    const second = await newDraft(id);
    expect(first.reference).toBe("2026-0001");
    expect(second.reference).toBe("2026-0002");
    const app = await row(first.id);
    expect(app).toMatchObject({ status: "DRAFT", unitId: id.unit, areaId: id.area, contactName: "Anna Andersen", contactEmail: demoEmail.applicant, versionNo: 0 });
    expect(await auditCount("application.create")).toBe(before + 2);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "application.create", entityId: first.id } });
    expect(event.entityType).toBe("Application");
  });

  it("gives simultaneous creations distinct references", async () => {
    const id = await ids();
    const actor = await actorFor(demoEmail.applicant);
    const created = await Promise.all([1, 2, 3, 4].map(() => createApplication(actor, { roundId: id.round, unitId: id.unit, now: NOW })));
    expect(created.map((c) => c.reference).sort()).toEqual(["2026-0001", "2026-0002", "2026-0003", "2026-0004"]);
  });

  it("skips a reference that is already taken", async () => {
    const id = await ids();
    const applicant = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
    await prisma.application.create({ data: { reference: "2026-0001", roundId: id.closedRound, unitId: id.unit, areaId: id.area, createdById: applicant.id } });
    expect((await newDraft(id)).reference).toBe("2026-0002");
  });

  it("refuses a round that is not open, a unit that is not the user's, and users who are not applicants", async () => {
    const id = await ids();
    const before = await counts();
    const actor = await actorFor(demoEmail.applicant);
    await expectFieldError(createApplication(actor, { roundId: id.closedRound, unitId: id.unit, now: NOW }), "roundId", "applications.error.roundNotOpen");
    const otherUnit = await prisma.unit.findFirstOrThrow({ where: { areaId: id.otherArea } });
    await expectFieldError(createApplication(actor, { roundId: id.round, unitId: otherUnit.id, now: NOW }), "unitId", "validation.choose");
    await expect(createApplication(await actorFor(demoEmail.areaLead), { roundId: id.round, unitId: id.unit, now: NOW })).rejects.toBeInstanceOf(PermissionError);
    expect(await counts()).toEqual(before);
  });
});

describe("application.saveDraft", () => {
  it("stores the content and the amounts, requested = total − co-financing to the øre", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const before = await auditCount("application.saveDraft");
    await saveDraft(await actorFor(demoEmail.applicant), { id: applicationId, content: validContent(id) });
    const app = await row(applicationId);
    const total = kroner(40_000) + 1n + 1_234_567n;
    expect(app.totalCostOre).toBe(total);
    expect(app.coFinancingOre).toBe(kroner(12_000) + 1n);
    expect(app.requestedOre).toBe(total - kroner(12_000) - 1n);
    expect(app.requestedOre).toBe(4_034_567n);
    expect(app.costLines.map((l) => [l.category, l.amountOre])).toEqual([
      ["COURSE_FEE", 4_000_001n],
      ["TRANSPORT", 1_234_567n],
    ]);
    expect(app.focusAreas.find((fa) => fa.primary)?.focusAreaId).toBe(id.focus[0]);
    expect(app.partnerAreas.map((p) => p.areaId)).toEqual([id.otherArea]);
    expect(await auditCount("application.saveDraft")).toBe(before + 1);
    // The draft is resumed with exactly what was stored.
    expect(await storedContent(applicationId)).toMatchObject({ title: "Konflikthåndtering for frontpersonale", coFinancingOre: 1_200_001n });
  });

  it("replaces cost lines, focus areas and partner areas, and saves an incomplete draft", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    await saveDraft(actor, { id: applicationId, content: validContent(id) });
    const partial = validContent(id, {
      title: "",
      purpose: "",
      participants: null,
      startDate: null,
      costLines: [{ category: null, description: "Uafklaret", amountOre: null }],
      coFinancingOre: 0n,
      focusAreaIds: [],
      primaryFocusAreaId: null,
      partnerAreaIds: [],
    });
    await saveDraft(actor, { id: applicationId, content: partial });
    const app = await row(applicationId);
    expect(app.costLines.map((l) => [l.category, l.description, l.amountOre])).toEqual([["", "Uafklaret", 0n]]);
    expect(app.focusAreas).toEqual([]);
    expect(app.partnerAreas).toEqual([]);
    expect([app.totalCostOre, app.coFinancingOre, app.requestedOre]).toEqual([0n, 0n, 0n]);
    expect(app.title).toBe("");
  });

  it("refuses focus areas outside the year's prioritisation, a primary not chosen and the own area as partner — storing nothing", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    const before = await counts();
    await expectFieldError(
      saveDraft(actor, { id: applicationId, content: validContent(id, { focusAreaIds: [id.notPrioritised], primaryFocusAreaId: id.notPrioritised }) }),
      "focusAreaIds",
      "applications.error.focusAreaNotPrioritised",
    );
    await expectFieldError(
      saveDraft(actor, { id: applicationId, content: validContent(id, { primaryFocusAreaId: id.focus[3]! }) }),
      "primaryFocusAreaId",
      "applications.error.primaryNotChosen",
    );
    await expectFieldError(
      saveDraft(actor, { id: applicationId, content: validContent(id, { partnerAreaIds: [id.area] }) }),
      "partnerAreaIds",
      "applications.error.partnerOwnArea",
    );
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).title).toBe("");
  });

  it("answers 404 to an applicant of another unit and refuses submitted applications", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    await expect(saveDraft(await actorFor(demoEmail.applicantOtherArea), { id: applicationId, content: validContent(id) })).rejects.toMatchObject({
      status: 404,
    });
    const done = await submitted(id);
    await expectFieldError(saveDraft(await actorFor(demoEmail.applicant), { id: done, content: validContent(id, { title: "Ny" }) }), "", "applications.error.notEditable");
  });
});

describe("application.submit", () => {
  it("submits: status, version 1 with the frozen content and verdicts, e-mails to the area lead and the applicant, audit", async () => {
    const id = await ids();
    const { id: applicationId, reference } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    await saveDraft(actor, { id: applicationId, content: validContent(id) });
    const before = await counts();
    const result = await submitApplication(actor, { id: applicationId, content: null, now: NOW });
    expect(result.versionNo).toBe(1);

    const app = await row(applicationId);
    expect(app.status).toBe("SUBMITTED");
    expect(app.versionNo).toBe(1);
    expect(app.submittedAt).toEqual(NOW);

    const version = await prisma.applicationVersion.findUniqueOrThrow({ where: { applicationId_versionNo: { applicationId, versionNo: 1 } } });
    const content = version.content as unknown as ApplicationSnapshot;
    expect(content).toMatchObject({
      reference,
      title: "Konflikthåndtering for frontpersonale",
      participants: 12,
      activityType: "COURSE",
      startDate: "2026-12-21",
      endDate: "2026-12-22",
      totalCostOre: "5234568",
      coFinancingOre: "1200001",
      requestedOre: "4034567",
      costLines: [
        { category: "COURSE_FEE", description: "Kursusafgift", amountOre: "4000001" },
        { category: "TRANSPORT", description: "Bus", amountOre: "1234567" },
      ],
      partnerAreas: [{ id: id.otherArea, code: "VJH" }],
      attachments: [],
    });
    expect(content.focusAreas.map((fa) => [fa.id, fa.primary])).toEqual(
      expect.arrayContaining([
        [id.focus[0], true],
        [id.focus[1], false],
      ]),
    );
    expect(version.guidelineVersionId).toBe(id.guidelineV1);
    const verdicts = verdictsFromJson(version.screening);
    expect(verdicts).toHaveLength(9);
    expect(verdicts.filter((v) => v.outcome === "fail")).toEqual([]);
    expect(verdicts.find((v) => v.kind === "MAX_AMOUNT")?.values.requested).toEqual({ type: "money", ore: 4_034_567n });

    const after = await counts();
    expect(after.versions).toBe(before.versions + 1);
    // The BUU area lead (please endorse) and the applicant (receipt): one e-mail each.
    expect(after.outbox).toBe(before.outbox + 2);
    expect(after.notifications).toBe(before.notifications + 2);
    const mails = await prisma.outboxEmail.findMany({ where: { applicationId }, orderBy: { kind: "asc" } });
    expect(mails.map((m) => [m.kind, m.toEmail])).toEqual([
      ["application.submitted", demoEmail.areaLead],
      ["application.submittedReceipt", demoEmail.applicant],
    ]);
    expect(mails[0]!.body).toContain("15.12.2026 kl. 12.00");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "application.submit", entityId: applicationId } });
    expect(event.before).toMatchObject({ status: "DRAFT" });
    expect(event.after).toMatchObject({ status: "SUBMITTED", versionNo: 1, requestedOre: "4034567" });
  });

  it("stores and submits the form's content in one step", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    await submitApplication(await actorFor(demoEmail.applicant), { id: applicationId, content: validContent(id), now: NOW });
    expect((await row(applicationId)).status).toBe("SUBMITTED");
    expect(await auditCount("application.saveDraft")).toBe(0);
  });

  const missing: [string, Partial<ApplicationContent>, string, string][] = [
    ["contact name", { contactName: " " }, "contactName", "validation.required"],
    ["contact e-mail", { contactEmail: "" }, "contactEmail", "validation.required"],
    ["title", { title: " " }, "title", "validation.required"],
    ["purpose", { purpose: "" }, "purpose", "validation.required"],
    ["focus areas", { focusAreaIds: [], primaryFocusAreaId: null }, "focusAreaIds", "applications.error.focusAreaRequired"],
    ["primary focus area", { primaryFocusAreaId: null }, "primaryFocusAreaId", "applications.error.primaryRequired"],
    ["target group", { targetGroup: "  " }, "targetGroup", "validation.required"],
    ["activity type", { activityType: null }, "activityType", "validation.choose"],
    ["participants", { participants: null }, "participants", "validation.required"],
    ["participants ≥ 1", { participants: 0 }, "participants", "applications.error.participantsMin"],
    ["start date", { startDate: null }, "startDate", "validation.required"],
    ["end date", { endDate: null }, "endDate", "validation.required"],
    ["end before start", { endDate: new Date("2026-12-20T00:00:00Z") }, "endDate", "applications.error.endBeforeStart"],
    ["cost lines", { costLines: [], coFinancingOre: 0n }, "costLines", "applications.error.costLinesRequired"],
    ["a cost line's amount", { costLines: [{ category: "COURSE_FEE", description: "", amountOre: 0n }], coFinancingOre: 0n }, "costLines[0].amount", "applications.error.costAmountPositive"],
    ["a cost line's category", { costLines: [{ category: null, description: "", amountOre: kroner(100) }], coFinancingOre: kroner(20) }, "costLines[0].category", "validation.choose"],
    ["co-financing over total", { coFinancingOre: kroner(1_000_000) }, "coFinancing", "applications.error.coFinancingOverTotal"],
    ["expected effect", { expectedEffect: "" }, "expectedEffect", "validation.required"],
    ["follow-up plan", { followUpPlan: "" }, "followUpPlan", "validation.required"],
  ];

  it.each(missing)("refuses a missing or invalid %s: message at the field, nothing changed", async (_name, override, field, key) => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    const content = validContent(id, override);
    const problems = await checkSubmission({ id: applicationId, content, user: actor.user!, now: NOW });
    expect(problems.filter((p) => p.field !== "").map((p) => [p.field, p.key])).toContainEqual([field, key]);
    const before = await counts();
    const appBefore = await row(applicationId);
    await expectFieldError(submitApplication(actor, { id: applicationId, content, now: NOW }), field, key);
    expect(await counts()).toEqual(before);
    const appAfter = await row(applicationId);
    expect(appAfter).toEqual(appBefore);
  });

  it("names every missing field of an empty draft at once", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const content = (await storedContent(applicationId))!;
    const expected = [
      "title",
      "purpose",
      "focusAreaIds",
      "targetGroup",
      "participants",
      "activityType",
      "startDate",
      "endDate",
      "costLines",
      "expectedEffect",
      "followUpPlan",
    ];
    // A new draft has the creator as contact person.
    expect(submissionProblems(content).map((p) => p.field)).toEqual(expected);
    // With the contact person cleared, those fields are named too, in the form's order.
    const blankContact = { ...content, contactName: " ", contactEmail: "" };
    expect(submissionProblems(blankContact).map((p) => [p.field, p.key])).toEqual([
      ["contactName", "validation.required"],
      ["contactEmail", "validation.required"],
      ...expected.map((field) => [field, submissionProblems(content).find((p) => p.field === field)!.key]),
    ]);
    expect(submissionProblems(content).find((p) => p.field === "activityType")?.key).toBe("validation.choose");
    expect(submissionProblems(content).find((p) => p.field === "targetGroup")?.key).toBe("validation.required");
  });

  it("refuses a submission with every problem at once, not only the first, changing nothing", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const before = await counts();
    const content = validContent(id, { title: "", followUpPlan: "", coFinancingOre: kroner(60_000) });
    const error = await submitApplication(await actorFor(demoEmail.applicant), { id: applicationId, content, now: NOW }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemsError);
    expect((error as ProblemsError).problems.map((p) => [p.field, p.key])).toEqual([
      ["title", "validation.required"],
      ["coFinancing", "applications.error.coFinancingOverTotal"],
      ["followUpPlan", "validation.required"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("quotes the total when the co-financing is above it", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const error = await expectFieldError(
      submitApplication(await actorFor(demoEmail.applicant), { id: applicationId, content: validContent(id, { coFinancingOre: kroner(60_000) }), now: NOW }),
      "coFinancing",
      "applications.error.coFinancingOverTotal",
    );
    expect(error.vars).toEqual({ totalOre: 5_234_568n });
  });

  it("refuses after the round closed with a clear Danish message, changing nothing", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    await saveDraft(actor, { id: applicationId, content: validContent(id) });
    const before = await counts();
    const afterClosing = new Date("2026-12-11T11:00:00Z"); // 11.12.2026 kl. 12.00 sharp: closed
    const error = await expectFieldError(
      submitApplication(actor, { id: applicationId, content: null, now: afterClosing }),
      "",
      "applications.error.roundClosed",
    );
    expect(problemMessage(error.problem, "da")).toBe("Runden lukkede 11.12.2026 kl. 12.00. Ansøgningen kan ikke indsendes.");
    expect(await checkSubmission({ id: applicationId, content: null, user: actor.user!, now: afterClosing })).toEqual([
      { field: "", key: "applications.error.roundClosed", vars: { closedAt: new Date("2026-12-11T11:00:00Z") } },
    ]);
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).status).toBe("DRAFT");
  });

  it("resubmits a returned application after the round closed, until the endorsement deadline", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    await returnApplication(await actorFor(demoEmail.secretariat), { id: applicationId, comment: "Uddyb opfølgningen." });
    const actor = await actorFor(demoEmail.applicant);
    const afterClosing = new Date("2026-12-11T11:00:00Z"); // closed 11.12.2026 kl. 12.00; endorsement until 15.12.2026 kl. 12.00
    expect(await checkSubmission({ id: applicationId, content: null, user: actor.user!, now: afterClosing })).toEqual([]);
    const result = await submitApplication(actor, { id: applicationId, content: validContent(id, { followUpPlan: "Måling efter seks måneder." }), now: afterClosing });
    expect(result.versionNo).toBe(2);
    expect((await row(applicationId)).status).toBe("SUBMITTED");
  });

  it("refuses a resubmission after the endorsement deadline, naming the deadline, changing nothing", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    await returnApplication(await actorFor(demoEmail.secretariat), { id: applicationId, comment: "Uddyb opfølgningen." });
    const actor = await actorFor(demoEmail.applicant);
    const before = await counts();
    const afterDeadline = new Date("2026-12-15T11:00:01Z");
    const error = await expectFieldError(
      submitApplication(actor, { id: applicationId, content: null, now: afterDeadline }),
      "",
      "applications.error.resubmissionDeadlinePassed",
    );
    expect(problemMessage(error.problem, "da")).toBe(
      "Runden er lukket, og fristen for at indsende en ansøgning igen var 15.12.2026 kl. 12.00. Ansøgningen kan ikke længere indsendes.",
    );
    expect(await checkSubmission({ id: applicationId, content: null, user: actor.user!, now: afterDeadline })).toEqual([
      { field: "", key: "applications.error.resubmissionDeadlinePassed", vars: { deadline: new Date("2026-12-15T11:00:00Z") } },
    ]);
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).status).toBe("RETURNED");
  });

  it("is blocked by a failed hard rule, quoting the verdict", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    // 400.000 kr. requested: above the maximum of 250.000 kr.
    const content = validContent(id, { costLines: [{ category: "COURSE_FEE", description: "", amountOre: kroner(500_000) }], coFinancingOre: kroner(100_000) });
    const before = await counts();
    const error = await expectFieldError(submitApplication(actor, { id: applicationId, content, now: NOW }), "", "applications.error.hardRule");
    expect(problemMessage(error.problem, "da")).toBe(
      "Maksimalt beløb pr. ansøgning: Ansøgt beløb 400.000,00 kr. er over maksimum på 250.000,00 kr.",
    );
    expect(await counts()).toEqual(before);
  });

  it("needs a written justification for a soft rule's warning", async () => {
    const id = await ids();
    const { id: applicationId } = await newDraft(id);
    const actor = await actorFor(demoEmail.applicant);
    const content = validContent(id, { participants: 5 }); // MIN_PARTICIPANTS 8 is a soft rule
    await expectFieldError(submitApplication(actor, { id: applicationId, content, now: NOW }), "softRuleJustification", "applications.error.justificationRequired");
    expect((await row(applicationId)).status).toBe("DRAFT");
    await submitApplication(actor, { id: applicationId, content: { ...content, softRuleJustification: "Et lille, men vigtigt team." }, now: NOW });
    const version = await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId } });
    expect((version.content as unknown as ApplicationSnapshot).softRuleJustification).toBe("Et lille, men vigtigt team.");
    expect(verdictsFromJson(version.screening).find((v) => v.kind === "MIN_PARTICIPANTS")?.outcome).toBe("warning");
  });

  it("screens a year by the guideline version its priorities follow, even after HMU adopts the next one", async () => {
    const id = await ids();
    // Version 2: a maximum of 10.000 kr. per application, adopted; version 1 superseded.
    await prisma.guidelineVersion.update({ where: { id: id.guidelineV1 }, data: { status: "SUPERSEDED", supersededAt: NOW } });
    const v2 = await prisma.guidelineVersion.create({
      data: {
        version: 2,
        title: "Retningslinjer 2027",
        status: "ADOPTED",
        adoptedOn: NOW,
        adoptedAt: NOW,
        rules: { create: [{ kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: String(kroner(10_000)) } }] },
      },
    });
    // The 2026 round: its year's priorities were set under version 1, so 40.346,68 kr. may be applied for.
    const applicationId = await submitted(id);
    const version = await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId } });
    expect(version.guidelineVersionId).toBe(id.guidelineV1);
    expect(verdictsFromJson(version.screening).find((v) => v.kind === "MAX_AMOUNT")?.outcome).toBe("pass");

    // A 2027 round (no priorities recorded yet) is screened by the adopted version.
    const year2027 = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2027 } });
    const round2027 = await prisma.round.create({
      data: {
        poolYearId: year2027.id,
        name: "Forårsrunde 2027",
        opensAt: new Date("2027-03-01T11:00:00Z"),
        closesAt: new Date("2027-04-01T10:00:00Z"),
        endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
        decisionDate: new Date("2027-05-06T00:00:00Z"),
        budgetShareOre: kroner(1_000_000),
      },
    });
    const setup = await loadScreeningSetup(prisma, round2027.id);
    expect([setup.guidelineVersionId, setup.rules.map((r) => r.kind), setup.context.yearFocusAreaIds]).toEqual([v2.id, ["MAX_AMOUNT"], []]);
  });

  it("cannot be submitted twice", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    await expectFieldError(submitApplication(await actorFor(demoEmail.applicant), { id: applicationId, content: null, now: NOW }), "", "applications.error.notEditable");
  });
});

describe("return, resubmission and versions", () => {
  it("returns with a comment and an e-mail to the applicant; the frozen version never changes; resubmission is version 2", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const frozen = (await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId } })).content;
    const lead = await actorFor(demoEmail.areaLead);
    await endorseApplication(lead, { id: applicationId, comment: "", rank: 1, now: NOW });

    // The secretariat returns the endorsed application: the applicant and the area lead who endorsed it are told.
    const before = await counts();
    await returnApplication(await actorFor(demoEmail.secretariat), { id: applicationId, comment: "Uddyb opfølgningen." });
    const after = await counts();
    expect(await row(applicationId)).toMatchObject({ status: "RETURNED", endorsedById: null, endorsementRank: null });
    expect(after.comments).toBe(before.comments + 1);
    expect(after.outbox).toBe(before.outbox + 2);
    expect(after.notifications).toBe(before.notifications + 2);
    expect(after.audits).toBe(before.audits + 1);
    const comment = await prisma.applicationComment.findFirstOrThrow({ where: { applicationId, kind: "RETURN" } });
    expect(comment).toMatchObject({ kind: "RETURN", body: "Uddyb opfølgningen." });
    const mails = await prisma.outboxEmail.findMany({ where: { applicationId, kind: "application.returned" }, orderBy: { toEmail: "asc" } });
    expect(mails.map((m) => m.toEmail)).toEqual([demoEmail.applicant, demoEmail.areaLead]);
    for (const mail of mails) {
      expect(mail.body).toContain("Uddyb opfølgningen.");
      expect(mail.body).toContain("Sara Simonsen");
    }
    const told = await prisma.notification.findMany({ where: { applicationId, kind: "application.returned" }, select: { userId: true } });
    expect(told.map((n) => n.userId)).toContain(lead.user!.id);

    // The applicant changes the draft: version 1 stays as submitted.
    const actor = await actorFor(demoEmail.applicant);
    const changed = validContent(id, {
      title: "Konflikthåndtering for hele borgerkontakten",
      followUpPlan: "Måling efter tre og seks måneder.",
      costLines: [{ category: "COURSE_FEE", description: "Kursusafgift", amountOre: kroner(45_000) }],
      coFinancingOre: kroner(9_000),
    });
    await saveDraft(actor, { id: applicationId, content: changed });
    expect((await prisma.applicationVersion.findFirstOrThrow({ where: { applicationId, versionNo: 1 } })).content).toEqual(frozen);

    await submitApplication(actor, { id: applicationId, content: null, now: NOW });
    const app = await row(applicationId);
    expect([app.status, app.versionNo]).toEqual(["SUBMITTED", 2]);
    const versions = await prisma.applicationVersion.findMany({ where: { applicationId }, orderBy: { versionNo: "asc" } });
    expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(versions[0]!.content).toEqual(frozen);
    const changes = diffSnapshots(versions[0]!.content as Snapshot, versions[1]!.content as Snapshot, ["reference"]);
    expect(changes.map((c) => c.field).sort()).toEqual(["coFinancingOre", "costLines", "followUpPlan", "requestedOre", "title", "totalCostOre"].sort());
    expect(changes.find((c) => c.field === "requestedOre")).toEqual({ field: "requestedOre", before: "4034567", after: "3600000" });
  });

  it("requires a comment to return, and only returns submitted, endorsed or screened applications", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    await expectFieldError(returnApplication(await actorFor(demoEmail.areaLead), { id: applicationId, comment: "  " }), "comment", "applications.error.returnCommentRequired");
    const { id: draft } = await newDraft(id);
    // A draft is the unit's own: to the secretariat it does not exist.
    await expect(returnApplication(await actorFor(demoEmail.secretariat), { id: draft, comment: "Nej" })).rejects.toMatchObject({ status: 404 });
    await prisma.application.update({ where: { id: draft }, data: { status: "WITHDRAWN", submittedAt: NOW } });
    await expectFieldError(returnApplication(await actorFor(demoEmail.secretariat), { id: draft, comment: "Nej" }), "", "applications.error.cannotReturn");
    await expect(returnApplication(await actorFor(demoEmail.areaLeadOtherArea), { id: applicationId, comment: "Nej" })).rejects.toMatchObject({ status: 404 });
    await expect(returnApplication(await actorFor(demoEmail.finance), { id: applicationId, comment: "Nej" })).rejects.toMatchObject({ status: 403 });
    expect(await counts()).toEqual({ ...before, applications: before.applications + 1, audits: before.audits + 1 });
  });
});

describe("application.endorse", () => {
  it("endorses before the deadline with a comment and a rank; tells the applicant and the secretariat", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    const lead = await actorFor(demoEmail.areaLead);
    await endorseApplication(lead, { id: applicationId, comment: "Vigtig for området.", rank: 1, now: new Date("2026-12-15T10:59:00Z") });
    const app = await row(applicationId);
    expect(app).toMatchObject({ status: "ENDORSED", endorsedById: lead.user!.id, endorsementRank: 1 });
    const after = await counts();
    expect(after.comments).toBe(before.comments + 1);
    expect(after.outbox).toBe(before.outbox + 2);
    const mails = await prisma.outboxEmail.findMany({ where: { applicationId, kind: "application.endorsed" }, orderBy: { toEmail: "asc" } });
    expect(mails.map((m) => m.toEmail)).toEqual([demoEmail.applicant, demoEmail.secretariat]);
    expect(await auditCount("application.endorse")).toBe(1);
  });

  it("refuses after the deadline with the deadline in the message, changing nothing", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    const error = await expectFieldError(
      endorseApplication(await actorFor(demoEmail.areaLead), { id: applicationId, comment: "", rank: null, now: new Date("2026-12-15T11:00:01Z") }),
      "",
      "applications.error.endorsementDeadlinePassed",
    );
    expect(problemMessage(error.problem, "da")).toBe("Fristen for indstilling var 15.12.2026 kl. 12.00. Ansøgningen kan ikke længere indstilles.");
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).status).toBe("SUBMITTED");
  });

  it("refuses a rank already given in the area and round, another area's lead (404), and drafts", async () => {
    const id = await ids();
    const first = await submitted(id);
    const second = await submitted(id);
    const lead = await actorFor(demoEmail.areaLead);
    await endorseApplication(lead, { id: first, comment: "", rank: 1, now: NOW });
    const firstRef = (await row(first)).reference;
    const error = await expectFieldError(endorseApplication(lead, { id: second, comment: "", rank: 1, now: NOW }), "rank", "applications.error.rankTaken");
    expect(error.vars).toEqual({ rank: 1, reference: firstRef });
    await expect(endorseApplication(await actorFor(demoEmail.areaLeadOtherArea), { id: second, comment: "", rank: null, now: NOW })).rejects.toMatchObject({ status: 404 });
    await expect(endorseApplication(await actorFor(demoEmail.secretariat), { id: second, comment: "", rank: null, now: NOW })).rejects.toMatchObject({ status: 403 });
    const { id: draft } = await newDraft(id);
    // A draft is the unit's own: to the area lead it does not exist.
    await expect(endorseApplication(lead, { id: draft, comment: "", rank: null, now: NOW })).rejects.toMatchObject({ status: 404 });
    await prisma.application.update({ where: { id: draft }, data: { status: "RETURNED", submittedAt: NOW } });
    await expectFieldError(endorseApplication(lead, { id: draft, comment: "", rank: null, now: NOW }), "", "applications.error.cannotEndorse");
    expect((await row(second)).status).toBe("SUBMITTED");
  });
});

describe("endorsement on the area lead's behalf", () => {
  /** An application created by the area lead of its own area: nobody in the area may endorse it. */
  async function leadsOwn(id: Ids) {
    const leadUser = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead } });
    await prisma.userRole.create({ data: { userId: leadUser.id, role: "APPLICANT" } });
    const lead = await actorFor(demoEmail.areaLead);
    const { id: applicationId } = await createApplication(lead, { roundId: id.round, unitId: leadUser.unitId!, now: NOW });
    await submitApplication(lead, { id: applicationId, content: validContent(id, { contactName: leadUser.name, contactEmail: leadUser.email }), now: NOW });
    return applicationId;
  }

  it("lets the secretariat endorse the lead's own application with a reason, kept as a comment and in the audit event", async () => {
    const id = await ids();
    const applicationId = await leadsOwn(id);
    const secretariat = await actorFor(demoEmail.secretariat);
    await endorseOnBehalf(secretariat, { id: applicationId, reason: "Forvaltningschefen har selv oprettet ansøgningen.", rank: 2, now: NOW });
    expect(await row(applicationId)).toMatchObject({ status: "ENDORSED", endorsedById: secretariat.user!.id, endorsementRank: 2 });
    const comment = await prisma.applicationComment.findFirstOrThrow({ where: { applicationId, kind: "ENDORSE_ON_BEHALF" } });
    expect(comment.body).toBe("Forvaltningschefen har selv oprettet ansøgningen.");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "application.endorseOnBehalf", entityId: applicationId } });
    expect(event.after).toMatchObject({ status: "ENDORSED", reason: "Forvaltningschefen har selv oprettet ansøgningen.", endorsementRank: 2 });
  });

  it("refuses without a reason and after the deadline, naming both at once, changing nothing", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    const late = new Date("2026-12-15T11:00:01Z");
    const error = await endorseOnBehalf(await actorFor(demoEmail.secretariat), { id: applicationId, reason: "  ", rank: null, now: late }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemsError);
    expect((error as ProblemsError).problems).toEqual([
      { field: "", key: "applications.error.endorsementDeadlinePassed", vars: { deadline: new Date("2026-12-15T11:00:00Z") } },
      { field: "reason", key: "applications.error.onBehalfReasonRequired" },
    ]);
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).status).toBe("SUBMITTED");
  });

  it("is the secretariat's alone (403 for an area lead), and only for a submitted application", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    await expect(endorseOnBehalf(await actorFor(demoEmail.areaLead), { id: applicationId, reason: "Fravær", rank: null, now: NOW })).rejects.toMatchObject({ status: 403 });
    const secretariat = await actorFor(demoEmail.secretariat);
    await endorseOnBehalf(secretariat, { id: applicationId, reason: "Forvaltningschefen er syg.", rank: null, now: NOW });
    await expectFieldError(endorseOnBehalf(secretariat, { id: applicationId, reason: "Igen", rank: null, now: NOW }), "", "applications.error.cannotEndorse");
    expect(await auditCount("application.endorseOnBehalf")).toBe(1);
  });
});

describe("deadlines and ranks of the area lead", () => {
  const AFTER_DEADLINE = new Date("2026-12-15T11:00:01Z"); // endorsement deadline 15.12.2026 kl. 12.00

  it("refuses an area lead's return after the endorsement deadline, changing nothing; the secretariat may still return", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const lead = await actorFor(demoEmail.areaLead);
    const before = await counts();
    const error = await expectFieldError(
      returnApplication(lead, { id: applicationId, comment: "For sent.", now: AFTER_DEADLINE }),
      "",
      "applications.error.returnDeadlinePassed",
    );
    expect(problemMessage(error.problem, "da")).toBe(
      "Fristen for indstilling var 15.12.2026 kl. 12.00. Herefter kan kun puljesekretariatet sende ansøgningen tilbage.",
    );
    expect(await counts()).toEqual(before);
    expect((await row(applicationId)).status).toBe("SUBMITTED");

    await returnApplication(await actorFor(demoEmail.secretariat), { id: applicationId, comment: "Uddyb formålet.", now: AFTER_DEADLINE });
    expect((await row(applicationId)).status).toBe("RETURNED");
  });

  it("lets an area lead return up to the endorsement deadline, after the round closed; only the applicant is told", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    await returnApplication(await actorFor(demoEmail.areaLead), { id: applicationId, comment: "Uddyb målgruppen.", now: new Date("2026-12-15T11:00:00Z") });
    expect((await row(applicationId)).status).toBe("RETURNED");
    expect((await counts()).outbox).toBe(before.outbox + 1);
    expect((await prisma.outboxEmail.findFirstOrThrow({ where: { applicationId, kind: "application.returned" } })).toEmail).toBe(demoEmail.applicant);
  });

  it("refuses an area lead endorsing an application they created themselves, storing nothing", async () => {
    const id = await ids();
    const leadUser = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead } });
    await prisma.userRole.create({ data: { userId: leadUser.id, role: "APPLICANT" } });
    const lead = await actorFor(demoEmail.areaLead);
    const { id: applicationId } = await createApplication(lead, { roundId: id.round, unitId: leadUser.unitId!, now: NOW });
    await submitApplication(lead, { id: applicationId, content: validContent(id, { contactName: leadUser.name, contactEmail: leadUser.email }), now: NOW });
    expect((await row(applicationId)).areaId).toBe(id.area);
    const before = await counts();
    const error = await expectFieldError(endorseApplication(lead, { id: applicationId, comment: "Min egen.", rank: 1, now: NOW }), "", "applications.error.cannotEndorseOwn");
    expect(problemMessage(error.problem, "da")).toBe(
      "Du kan ikke indstille en ansøgning, du selv har oprettet. Puljesekretariatet tager sig af den.",
    );
    expect(await counts()).toEqual(before);
    expect(await row(applicationId)).toMatchObject({ status: "SUBMITTED", endorsedById: null, endorsementRank: null });
    expect(await auditCount("application.endorse")).toBe(0);
  });

  it("gives a rank to only one of two endorsements made at the same time", async () => {
    const id = await ids();
    const first = await submitted(id);
    const second = await submitted(id);
    const lead = await actorFor(demoEmail.areaLead);
    const results = await Promise.allSettled([first, second].map((applicationId) => endorseApplication(lead, { id: applicationId, comment: "", rank: 1, now: NOW })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(ProblemsError);
    expect((refused[0]!.reason as ProblemsError).problems.map((p) => p.key)).toEqual(["applications.error.rankTaken"]);
    const rows = await prisma.application.findMany({ where: { id: { in: [first, second] } }, select: { status: true, endorsementRank: true } });
    expect(rows.filter((r) => r.endorsementRank === 1)).toHaveLength(1);
    expect(rows.map((r) => r.status).sort()).toEqual(["ENDORSED", "SUBMITTED"]);
    expect(await auditCount("application.endorse")).toBe(1);
  });
});

describe("application.withdraw", () => {
  it("withdraws a submitted application and tells the area lead", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    const before = await counts();
    await withdrawApplication(await actorFor(demoEmail.applicant), { id: applicationId, now: NOW });
    const app = await row(applicationId);
    expect(app.status).toBe("WITHDRAWN");
    expect(app.withdrawnAt).toEqual(NOW);
    const after = await counts();
    expect(after.outbox).toBe(before.outbox + 1);
    expect(after.audits).toBe(before.audits + 1);
    expect((await prisma.outboxEmail.findFirstOrThrow({ where: { applicationId, kind: "application.withdrawn" } })).toEmail).toBe(demoEmail.areaLead);
  });

  it("tells the secretariat too once the application was endorsed", async () => {
    const id = await ids();
    const applicationId = await submitted(id);
    await endorseApplication(await actorFor(demoEmail.areaLead), { id: applicationId, comment: "", rank: null, now: NOW });
    await withdrawApplication(await actorFor(demoEmail.applicant), { id: applicationId, now: NOW });
    const mails = await prisma.outboxEmail.findMany({ where: { applicationId, kind: "application.withdrawn" }, orderBy: { toEmail: "asc" } });
    expect(mails.map((m) => m.toEmail)).toEqual([demoEmail.areaLead, demoEmail.secretariat]);
  });

  it("withdraws a draft without telling anyone, and refuses after a decision", async () => {
    const id = await ids();
    const { id: draft } = await newDraft(id);
    const before = await counts();
    await withdrawApplication(await actorFor(demoEmail.applicant), { id: draft, now: NOW });
    expect((await counts()).outbox).toBe(before.outbox);
    expect((await row(draft)).status).toBe("WITHDRAWN");
    await expectFieldError(withdrawApplication(await actorFor(demoEmail.applicant), { id: draft, now: NOW }), "", "applications.error.cannotWithdraw");
    const decided = await submitted(id);
    await prisma.application.update({ where: { id: decided }, data: { status: "GRANTED" } });
    await expectFieldError(withdrawApplication(await actorFor(demoEmail.applicant), { id: decided, now: NOW }), "", "applications.error.cannotWithdraw");
    await expect(withdrawApplication(await actorFor(demoEmail.applicantOtherArea), { id: decided, now: NOW })).rejects.toMatchObject({ status: 404 });
  });
});
