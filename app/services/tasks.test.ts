// "Dine opgaver" on the home page: each role sees what it should do next, and
// only within its scope.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApplicationContent } from "~/domain/applications/content";
import { createApplication, saveDraft } from "~/services/applications/drafting.server";
import { returnApplication } from "~/services/applications/endorsement.server";
import { submitApplication } from "~/services/applications/submission.server";
import { prisma } from "~/utils/db.server";
import { actorFor, cookieFor, demoEmail, resetToDemo, sessionUserFor } from "../../tests/db-utils";
import { callLoader, type RouteModule } from "../../tests/route-utils";
import * as homeModule from "../routes/home";
import { hasNoTasks, tasksFor } from "./tasks.server";

const homeRoute = homeModule as unknown as RouteModule;
/** Vinterrunde 2026 is open (16.11–11.12.2026 kl. 12), endorsement until 15.12.2026 kl. 12. */
const NOW = new Date("2026-11-26T12:00:00Z");

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToDemo();
});
afterEach(() => {
  vi.useRealTimers();
});

async function content(title: string): Promise<ApplicationContent> {
  const prioritisation = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: { orderBy: { rank: "asc" } } } });
  const vjh = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
  return {
    unitId: null,
    contactName: "Anna Andersen",
    contactEmail: demoEmail.applicant,
    title,
    purpose: "Færre episoder.",
    targetGroup: "Frontpersonale",
    participants: 12,
    activityType: "COURSE",
    startDate: new Date("2026-12-21T00:00:00Z"),
    endDate: new Date("2026-12-22T00:00:00Z"),
    costLines: [{ category: "COURSE_FEE", description: "Kursusafgift", amountOre: 4_000_000n }],
    coFinancingOre: 1_000_000n,
    focusAreaIds: [prioritisation.focusAreas[0]!.focusAreaId],
    primaryFocusAreaId: prioritisation.focusAreas[0]!.focusAreaId,
    partnerAreaIds: [vjh.id],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    softRuleJustification: "",
  };
}

async function application(title: string, stage: "draft" | "submitted" | "returned"): Promise<string> {
  const applicant = await actorFor(demoEmail.applicant);
  const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
  const { id } = await createApplication(applicant, { roundId: round.id, unitId: applicant.user!.unitId!, now: NOW });
  await saveDraft(applicant, { id, content: await content(title) });
  if (stage === "draft") return id;
  await submitApplication(applicant, { id, content: null, now: NOW });
  if (stage === "returned") await returnApplication(await actorFor(demoEmail.areaLead), { id, comment: "Uddyb opfølgningen.", now: NOW });
  return id;
}

describe("tasks per role", () => {
  it("gives the applicant their drafts and returned applications, the area lead what waits for endorsement", async () => {
    const draft = await application("Kladde om konflikter", "draft");
    const submitted = await application("Indsendt om trivsel", "submitted");
    const returned = await application("Sendt tilbage om dokumentation", "returned");

    const applicant = await tasksFor(await sessionUserFor(demoEmail.applicant), NOW);
    expect(applicant.drafts.map((t) => t.id)).toEqual([draft]);
    expect(applicant.drafts[0]!.deadline).toEqual(new Date("2026-12-11T11:00:00Z")); // the round closes
    expect(applicant.returned.map((t) => t.id)).toEqual([returned]);
    expect(applicant.returned[0]!.deadline).toEqual(new Date("2026-12-15T11:00:00Z")); // resubmission until the endorsement deadline
    expect(applicant.toEndorse).toEqual([]);

    const lead = await tasksFor(await sessionUserFor(demoEmail.areaLead), NOW);
    expect(lead.toEndorse.map((t) => t.id)).toEqual([submitted]);
    expect(lead.toEndorse[0]).toMatchObject({ title: "Indsendt om trivsel", roundName: "Vinterrunde 2026", deadline: new Date("2026-12-15T11:00:00Z") });

    // The other area's lead and applicant have nothing of BUU's.
    const otherLead = await tasksFor(await sessionUserFor(demoEmail.areaLeadOtherArea), NOW);
    expect(otherLead.toEndorse).toEqual([]);
    const otherApplicant = await tasksFor(await sessionUserFor(demoEmail.applicantOtherArea), NOW);
    expect([...otherApplicant.drafts, ...otherApplicant.returned]).toEqual([]);

    // After the endorsement deadline the lead can no longer act: the task is gone.
    const late = await tasksFor(await sessionUserFor(demoEmail.areaLead), new Date("2026-12-15T11:00:01Z"));
    expect(late.toEndorse).toEqual([]);
  });

  it("gives the secretariat the open round and the closed rounds to prepare, leadership the years without priorities, finance the missing year", async () => {
    await application("Indsendt om trivsel", "submitted");
    const secretariat = await tasksFor(await sessionUserFor(demoEmail.secretariat), NOW);
    expect(secretariat.openRounds.map((r) => [r.name, r.submitted, r.endorsed])).toEqual([["Vinterrunde 2026", 1, 0]]);
    // Efterårsrunde 2026 was decided on 5.11.2026: nothing to prepare.
    expect(secretariat.roundsToPrepare).toEqual([]);
    const afterClosing = await tasksFor(await sessionUserFor(demoEmail.secretariat), new Date("2026-12-12T09:00:00Z"));
    expect(afterClosing.openRounds).toEqual([]);
    expect(afterClosing.roundsToPrepare.map((r) => r.name)).toEqual(["Vinterrunde 2026"]);

    const leadership = await tasksFor(await sessionUserFor(demoEmail.leadership), NOW);
    expect(leadership.yearsToPrioritise).toEqual([2027]);

    const finance = await tasksFor(await sessionUserFor(demoEmail.finance), NOW);
    expect(finance.yearToCreate).toBeNull(); // 2027 exists
    const financeNextYear = await tasksFor(await sessionUserFor(demoEmail.finance), new Date("2027-03-01T12:00:00Z"));
    expect(financeNextYear.yearToCreate).toBe(2028);

    const hmu = await tasksFor(await sessionUserFor(demoEmail.hmu), NOW);
    expect(hasNoTasks(hmu)).toBe(true);
    expect(hasNoTasks(secretariat)).toBe(false);
  });

  it("shows the tasks on the home page, with links to act on them", async () => {
    const submitted = await application("Indsendt om trivsel", "submitted");
    const result = await callLoader(homeRoute, "/", { cookie: await cookieFor(demoEmail.areaLead) });
    expect(result.status).toBe(200);
    const data = result.data as Awaited<ReturnType<typeof homeModule.loader>>;
    expect(data.tasks.toEndorse.map((t) => t.id)).toEqual([submitted]);
    expect(data.nothingToDo).toBe(false);
    const hmu = await callLoader(homeRoute, "/", { cookie: await cookieFor(demoEmail.hmu) });
    expect((hmu.data as typeof data).nothingToDo).toBe(true);
  });
});
