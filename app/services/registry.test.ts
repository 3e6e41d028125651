// Every mutation leaves an audit event in the same transaction: this test calls
// each registered mutation once with valid input and finds its event(s), tagged
// with the call's request id. A mutation missing here fails the first test.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { actorFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { rankApplications } from "./applications/ranking.server";
import { createApplication, saveDraft } from "~/services/applications/drafting.server";
import { endorseApplication, endorseOnBehalf, returnApplication } from "~/services/applications/endorsement.server";
import { submitApplication, withdrawApplication } from "~/services/applications/submission.server";
import { addAttachment, removeAttachment } from "./attachments.server";
import { endSession, recordFailedLogin, startSession } from "./auth.server";
import { createFocusArea, updateFocusArea } from "./focus-areas.server";
import {
  addGuidelineRule,
  adoptGuidelineVersion,
  createGuidelineDraft,
  removeGuidelineCriterion,
  removeGuidelineRule,
  saveGuidelineCriterion,
  updateGuidelineDraft,
} from "./guidelines.server";
import { defineMutation, type Actor } from "./mutation.server";
import { markAllNotificationsRead, markNotificationRead } from "./notifications-inbox.server";
import { createArea, createUnit, updateArea, updateUnit } from "./organisation.server";
import { adjustPoolYear, createPoolYear } from "./pool-years.server";
import { recordPrioritisation } from "./prioritisations.server";
import { createRound, updateRound } from "./rounds.server";
import { allMutations } from "./registry.server";
import { createUser, setUserActive, setUserPassword, updateUser } from "./users.server";

type Call = (actor: (email: string) => Promise<Actor>) => Promise<unknown>;

const areaInput = { code: "TST", name: "Testområde", headName: "Tea Test", sortOrder: 9, active: true };
const userInput = (email: string, unitId: string) => ({
  email,
  name: "Test Testesen",
  unitId,
  roles: ["APPLICANT"] as const,
  leadAreaId: null,
  applicantUnitId: null,
});

const roundInput = {
  year: 2027,
  opensAt: new Date("2027-03-01T11:00:00Z"),
  closesAt: new Date("2027-04-01T10:00:00Z"),
  endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
  decisionDate: new Date("2027-05-01T00:00:00Z"),
  budgetShareOre: kroner(100_000),
};

async function someUnitId(): Promise<string> {
  return (await prisma.unit.findFirstOrThrow({ select: { id: true } })).id;
}

/** A fresh guideline draft (based on v1: its rules and criteria copied) for one call. */
async function guidelineDraft(actor: Actor, basedOnVersion: number | null = 1): Promise<number> {
  return (await createGuidelineDraft(actor, { title: "Registerudkast", body: "Tekst", basedOnVersion })).version;
}

/** A draft application of the demo applicant's unit, created directly (attachments need one). */
async function applicantDraft(actor: Actor, reference: string): Promise<string> {
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
  const unitId = actor.user!.unitId!;
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { areaId: true } });
  const application = await prisma.application.create({
    data: { reference, roundId: round.id, unitId, areaId: unit.areaId, createdById: actor.user!.id, status: "DRAFT" },
  });
  return application.id;
}

/** 26.11.2026: "Vinterrunde 2026" is open and its endorsement deadline not passed. */
const ROUND_OPEN_AT = new Date("2026-11-26T12:00:00Z");

/** An application of the owner's unit (default: a BUU unit), complete enough to pass guidelines v1. */
async function completeApplication(reference: string, status: "DRAFT" | "SUBMITTED", owner?: Actor): Promise<string> {
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true, poolYearId: true } });
  const unit = owner?.user?.unitId
    ? await prisma.unit.findUniqueOrThrow({ where: { id: owner.user.unitId }, select: { id: true, areaId: true } })
    : await prisma.unit.findFirstOrThrow({ where: { area: { code: "BUU" } }, select: { id: true, areaId: true } });
  const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant }, select: { id: true } });
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({
    where: { poolYearId: round.poolYearId },
    orderBy: { revision: "desc" },
    select: { focusAreas: { orderBy: { rank: "asc" }, take: 1, select: { focusAreaId: true } } },
  });
  const partner = await prisma.area.findFirstOrThrow({ where: { id: { not: unit.areaId }, active: true }, select: { id: true } });
  const application = await prisma.application.create({
    data: {
      reference,
      roundId: round.id,
      unitId: unit.id,
      areaId: unit.areaId,
      createdById: owner?.user?.id ?? creator.id,
      status,
      title: "Registerkursus",
      contactName: "Anna Andersen",
      contactEmail: "ansoeger@demo.aarhus.dk",
      targetGroup: "Frontpersonale",
      purpose: "Formål",
      participants: 12,
      activityType: "COURSE",
      startDate: new Date("2026-12-21T00:00:00Z"),
      endDate: new Date("2026-12-22T00:00:00Z"),
      totalCostOre: kroner(50_000),
      coFinancingOre: kroner(10_000),
      requestedOre: kroner(40_000),
      expectedEffect: "Effekt",
      followUpPlan: "Opfølgning",
      submittedAt: status === "SUBMITTED" ? ROUND_OPEN_AT : null,
      versionNo: status === "SUBMITTED" ? 1 : 0,
      costLines: { create: [{ category: "COURSE_FEE", description: "Kursus", amountOre: kroner(50_000), sortOrder: 1 }] },
      focusAreas: { create: [{ focusAreaId: prioritisation.focusAreas[0]!.focusAreaId, primary: true }] },
      partnerAreas: { create: [{ areaId: partner.id }] },
    },
  });
  return application.id;
}

const CALLS: Record<string, Call> = {
  "application.rank": async (as) => {
    const lead = await as(demoEmail.areaLead);
    const unit = await prisma.unit.findFirstOrThrow({ where: { area: { code: "BUU" } }, select: { id: true, areaId: true } });
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
    await prisma.application.create({
      data: { reference: "2026-7001", roundId: round.id, unitId: unit.id, areaId: unit.areaId, createdById: lead.user!.id, status: "ENDORSED" },
    });
    const endorsed = await prisma.application.findMany({ where: { roundId: round.id, areaId: unit.areaId, status: "ENDORSED" }, select: { id: true } });
    return rankApplications(lead, { roundId: round.id, areaId: unit.areaId, ranks: endorsed.map((a, i) => ({ id: a.id, rank: i + 1 })) });
  },
  "auth.loginFailed": async (as) => recordFailedLogin(await as(demoEmail.admin), { email: "x@demo.aarhus.dk", ip: "" }),
  "auth.login": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.finance } });
    return startSession(await as(demoEmail.finance), { userId: user.id, email: user.email, ip: "" });
  },
  "auth.logout": async (as) => endSession(await as(demoEmail.finance), { sessionId: "none" }),
  "organisation.createArea": async (as) => createArea(await as(demoEmail.admin), { ...areaInput, code: "NYT" }),
  "organisation.updateArea": async (as) => {
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } });
    return updateArea(await as(demoEmail.admin), { id: area.id, ...areaInput, code: "BUU", name: "Børn og Unge" });
  },
  "organisation.createUnit": async (as) => {
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "OFS" } });
    return createUnit(await as(demoEmail.admin), { areaId: area.id, parentId: null, name: "Ny enhed", costCentre: "", active: true });
  },
  "organisation.updateUnit": async (as) => {
    const unit = await prisma.unit.findFirstOrThrow({ where: { name: "Digitalisering" } });
    return updateUnit(await as(demoEmail.admin), { id: unit.id, areaId: unit.areaId, parentId: null, name: "Digital udvikling", costCentre: "4711", active: true });
  },
  "users.create": async (as) =>
    createUser(await as(demoEmail.admin), { ...userInput("ny@demo.aarhus.dk", await someUnitId()), password: "langt-kodeord-1" }),
  "users.update": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
    return updateUser(await as(demoEmail.admin), { id: user.id, ...userInput(demoEmail.applicant, await someUnitId()) });
  },
  "users.setPassword": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.hmu } });
    return setUserPassword(await as(demoEmail.admin), { id: user.id, password: "et-nyt-kodeord-2" });
  },
  "users.setActive": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.hmu } });
    return setUserActive(await as(demoEmail.admin), { id: user.id, active: false });
  },
  "poolYear.create": async (as) =>
    createPoolYear(await as(demoEmail.finance), { year: 2030, budgetOre: kroner(6_000_000), startsOn: new Date("2030-01-01T00:00:00Z"), note: "" }),
  "poolYear.adjust": async (as) =>
    adjustPoolYear(await as(demoEmail.finance), {
      year: 2027,
      amountOre: kroner(250_000),
      reason: "Tillægsbevilling",
      effectiveOn: new Date("2027-03-01T00:00:00Z"),
      correctsId: null,
    }),
  "prioritisation.record": async (as) => {
    const guideline = await prisma.guidelineVersion.findFirstOrThrow({ where: { status: "ADOPTED" } });
    const focusArea = await prisma.focusArea.findFirstOrThrow({ where: { active: true } });
    return recordPrioritisation(await as(demoEmail.leadership), {
      year: 2027,
      guidelineVersionId: guideline.id,
      decidedOn: new Date("2026-06-01T00:00:00Z"),
      note: "",
      items: [{ focusAreaId: focusArea.id, rank: 1, weightHundredths: 100, earmark: { kind: "NONE" } }],
    });
  },
  "round.create": async (as) => createRound(await as(demoEmail.secretariat), { ...roundInput, name: "Registerrunde" }),
  "round.update": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const { id } = await createRound(actor, { ...roundInput, name: "Rettes" });
    return updateRound(actor, { id, ...roundInput, name: "Rettet", now: new Date("2027-01-01T00:00:00Z") });
  },
  "guideline.createDraft": async (as) => guidelineDraft(await as(demoEmail.secretariat)),
  "guideline.update": async (as) => {
    const actor = await as(demoEmail.secretariat);
    return updateGuidelineDraft(actor, { version: await guidelineDraft(actor, null), title: "Rettet", body: "Ny tekst" });
  },
  "guideline.addRule": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const version = await guidelineDraft(actor, null);
    return addGuidelineRule(actor, { version, kind: "MIN_PARTICIPANTS", severity: "SOFT", params: { min: 5 }, note: "" });
  },
  "guideline.removeRule": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const version = await guidelineDraft(actor);
    const rule = await prisma.eligibilityRule.findFirstOrThrow({ where: { guidelineVersion: { version } } });
    return removeGuidelineRule(actor, { version, ruleId: rule.id });
  },
  "guideline.saveCriterion": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const version = await guidelineDraft(actor, null);
    return saveGuidelineCriterion(actor, { version, criterionId: null, name: "Bæredygtighed", description: "", weight: 10, scaleMin: 0, scaleMax: 5 });
  },
  "guideline.removeCriterion": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const version = await guidelineDraft(actor);
    const criterion = await prisma.assessmentCriterion.findFirstOrThrow({ where: { guidelineVersion: { version } } });
    return removeGuidelineCriterion(actor, { version, criterionId: criterion.id });
  },
  "guideline.adopt": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const version = await guidelineDraft(actor);
    return adoptGuidelineVersion(actor, { version, adoptedOn: new Date("2026-09-01T00:00:00Z"), today: new Date("2026-09-02T00:00:00Z") });
  },
  "focusArea.create": async (as) => createFocusArea(await as(demoEmail.leadership), { name: "Registerfokus", description: "" }),
  "focusArea.update": async (as) => {
    const focusArea = await prisma.focusArea.findFirstOrThrow({ where: { name: "Ledelseskraft" } });
    return updateFocusArea(await as(demoEmail.secretariat), { id: focusArea.id, name: "Ledelseskraft", description: "Ny beskrivelse", active: true });
  },
  "attachment.add": async (as) => {
    const actor = await as(demoEmail.applicant);
    const applicationId = await applicantDraft(actor, "2026-7101");
    return addAttachment(actor, { applicationId, fileName: "plan.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%test\n") });
  },
  "attachment.remove": async (as) => {
    const actor = await as(demoEmail.applicant);
    const applicationId = await applicantDraft(actor, "2026-7102");
    const added = await addAttachment(actor, { applicationId, fileName: "plan.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%x\n") });
    return removeAttachment(actor, { applicationId, attachmentId: added.id });
  },
  "notification.markRead": async (as) => {
    const actor = await as(demoEmail.secretariat);
    const notification = await prisma.notification.create({ data: { userId: actor.user!.id, kind: "application.submitted", vars: {} } });
    return markNotificationRead(actor, { id: notification.id });
  },
  "notification.markAllRead": async (as) => markAllNotificationsRead(await as(demoEmail.secretariat), undefined),
  "application.create": async (as) => {
    const actor = await as(demoEmail.applicant);
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" }, select: { id: true } });
    return createApplication(actor, { roundId: round.id, unitId: actor.user!.unitId!, now: ROUND_OPEN_AT });
  },
  "application.saveDraft": async (as) => {
    const actor = await as(demoEmail.applicant);
    const id = await applicantDraft(actor, "2026-7201");
    const content = {
      unitId: null,
      contactName: "Anna",
      contactEmail: "",
      title: "Kladde",
      purpose: "",
      targetGroup: "",
      participants: null,
      activityType: null,
      startDate: null,
      endDate: null,
      costLines: [{ category: "COURSE_FEE" as const, description: "", amountOre: kroner(1_000) }],
      coFinancingOre: 0n,
      focusAreaIds: [],
      primaryFocusAreaId: null,
      partnerAreaIds: [],
      expectedEffect: "",
      followUpPlan: "",
      softRuleJustification: "",
    };
    return saveDraft(actor, { id, content });
  },
  "application.submit": async (as) => {
    const actor = await as(demoEmail.applicant);
    return submitApplication(actor, { id: await completeApplication("2026-7202", "DRAFT", actor), content: null, now: ROUND_OPEN_AT });
  },
  "application.endorse": async (as) => {
    const id = await completeApplication("2026-7203", "SUBMITTED");
    return endorseApplication(await as(demoEmail.areaLead), { id, comment: "God idé", rank: null, now: ROUND_OPEN_AT });
  },
  "application.endorseOnBehalf": async (as) => {
    const id = await completeApplication("2026-7206", "SUBMITTED");
    return endorseOnBehalf(await as(demoEmail.secretariat), { id, reason: "Forvaltningschefen har selv oprettet ansøgningen", rank: null, now: ROUND_OPEN_AT });
  },
  "application.return": async (as) => {
    const id = await completeApplication("2026-7204", "SUBMITTED");
    return returnApplication(await as(demoEmail.secretariat), { id, comment: "Uddyb formålet" });
  },
  "application.withdraw": async (as) => {
    const actor = await as(demoEmail.applicant);
    return withdrawApplication(actor, { id: await completeApplication("2026-7205", "SUBMITTED", actor) });
  },
};

beforeAll(resetToDemo);

describe("every mutation is audited", () => {
  it("has a call for every registered mutation", () => {
    expect(Object.keys(CALLS).sort()).toEqual(allMutations.map((m) => m.mutationName).sort());
  });

  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name} writes its audit event in the same transaction`, async () => {
      const requestId = randomUUID();
      await call(async (email) => ({ ...(await actorFor(email)), requestId }));
      const events = await prisma.auditEvent.findMany({ where: { requestId }, select: { action: true, entityType: true, entityId: true } });
      expect(events.length).toBeGreaterThan(0);
      expect(events.map((e) => e.action)).toContain(name);
      for (const event of events) {
        expect(event.entityType).not.toBe("");
        expect(event.entityId).not.toBe("");
      }
    });
  }

  it("rolls back a mutation that writes no audit event", async () => {
    const silent = defineMutation<void, void>("test.silent", {
      permission: "organisation:manage",
      async run({ tx }) {
        await tx.area.create({ data: { code: "SIL", name: "Stille" } });
        return { result: undefined, audit: [] };
      },
    });
    await expect(silent(await actorFor(demoEmail.admin), undefined)).rejects.toThrow(/no audit event/);
    expect(await prisma.area.count({ where: { code: "SIL" } })).toBe(0);
  });

  it("rolls back the change when writing the audit event fails", async () => {
    const broken = defineMutation<void, void>("test.broken", {
      permission: "organisation:manage",
      async run({ tx }) {
        await tx.area.create({ data: { code: "BRK", name: "Brudt" } });
        return { result: undefined, audit: { action: "test.broken", entityType: "Area", entityId: "x", actorId: "no-such-user" } };
      },
    });
    await expect(broken(await actorFor(demoEmail.admin), undefined)).rejects.toThrow();
    expect(await prisma.area.count({ where: { code: "BRK" } })).toBe(0);
  });

  it("refuses a mutation to a user without its permission, changing nothing", async () => {
    const before = await prisma.auditEvent.count();
    await expect(createArea(await actorFor(demoEmail.applicant), { ...areaInput, code: "NOPE" })).rejects.toThrow(/forbidden/);
    expect(await prisma.area.count({ where: { code: "NOPE" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
