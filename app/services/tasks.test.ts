// "Dine opgaver" on the home page: each role sees what it should do next, and
// only within its scope.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cookieFor, resetToReferenceData } from "../../tests/db-utils";
import { actorWithRole, areaLeadOf, createApplicant, createApplication, createPoolYear, createRound, someUnit, type RoundRecord } from "../../tests/factories";
import { callLoader, type RouteModule } from "../../tests/route-utils";
import * as homeModule from "../routes/home";
import { hasNoTasks, tasksFor } from "./tasks.server";

const homeRoute = homeModule as unknown as RouteModule;
const NOW = new Date("2026-11-26T12:00:00Z");

let round: RoundRecord; // open at NOW
let buu: Awaited<ReturnType<typeof someUnit>>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW, shouldAdvanceTime: true });
  await resetToReferenceData();
  // The year's first round was decided before NOW; the second is open at NOW.
  await createRound({
    now: NOW,
    name: "Efterårsrunde",
    opensAt: new Date("2026-09-01T06:00:00Z"),
    closesAt: new Date("2026-10-01T10:00:00Z"),
    endorsementDeadline: new Date("2026-10-15T10:00:00Z"),
    decisionDate: new Date("2026-11-05T00:00:00Z"),
  });
  round = await createRound({ now: NOW, name: "Vinterrunde" });
  // Next year exists, without priorities yet.
  await createPoolYear({ year: 2027 });
  buu = await someUnit("BUU");
});
afterEach(() => {
  vi.useRealTimers();
});

const application = async (title: string, stage: "draft" | "submitted" | "returned") =>
  (await createApplication({ round, unit: buu, stage, now: NOW, content: { title } })).id;

describe("tasks per role", () => {
  it("gives the applicant their drafts and returned applications, the area lead what waits for endorsement", async () => {
    const draft = await createApplication({ round, unit: buu, stage: "draft", now: NOW, content: { title: "Kladde om konflikter" } });
    const applicant = draft.applicant;
    const submitted = await application("Indsendt om trivsel", "submitted");
    const returned = await application("Sendt tilbage om dokumentation", "returned");

    const own = await tasksFor(applicant.user!, NOW);
    expect(own.drafts.map((t) => t.id)).toEqual([draft.id]);
    expect(own.drafts[0]!.deadline).toEqual(round.closesAt); // the round closes
    expect(own.returned.map((t) => t.id)).toEqual([returned]);
    expect(own.returned[0]!.deadline).toEqual(round.endorsementDeadline); // resubmission until the endorsement deadline
    expect(own.toEndorse).toEqual([]);

    const lead = await tasksFor((await areaLeadOf(buu)).user!, NOW);
    expect(lead.toEndorse.map((t) => t.id)).toEqual([submitted]);
    expect(lead.toEndorse[0]).toMatchObject({ title: "Indsendt om trivsel", roundName: "Vinterrunde", deadline: round.endorsementDeadline });

    // The other area's lead and applicant have nothing of BUU's.
    const vjh = await someUnit("VJH");
    const otherLead = await tasksFor((await areaLeadOf(vjh)).user!, NOW);
    expect(otherLead.toEndorse).toEqual([]);
    const otherApplicant = await tasksFor((await createApplicant(vjh)).user!, NOW);
    expect([...otherApplicant.drafts, ...otherApplicant.returned]).toEqual([]);

    // After the endorsement deadline the lead can no longer act: the task is gone.
    const late = await tasksFor((await areaLeadOf(buu)).user!, new Date(round.endorsementDeadline.getTime() + 1000));
    expect(late.toEndorse).toEqual([]);
  });

  it("gives the secretariat the open round and the closed rounds to prepare, leadership the years without priorities, finance the missing year", async () => {
    await application("Indsendt om trivsel", "submitted");
    const secretariatUser = (await actorWithRole("SECRETARIAT")).user!;
    const secretariat = await tasksFor(secretariatUser, NOW);
    expect(secretariat.openRounds.map((r) => [r.name, r.submitted, r.endorsed])).toEqual([["Vinterrunde", 1, 0]]);
    // Efterårsrunde was decided on 5.11.2026: nothing to prepare.
    expect(secretariat.roundsToPrepare).toEqual([]);
    const afterClosing = await tasksFor(secretariatUser, new Date(round.closesAt.getTime() + 60_000));
    expect(afterClosing.openRounds).toEqual([]);
    expect(afterClosing.roundsToPrepare.map((r) => r.name)).toEqual(["Vinterrunde"]);

    const leadership = await tasksFor((await actorWithRole("LEADERSHIP")).user!, NOW);
    expect(leadership.yearsToPrioritise).toEqual([2027]);

    const financeUser = (await actorWithRole("FINANCE")).user!;
    expect((await tasksFor(financeUser, NOW)).yearToCreate).toBeNull(); // 2027 exists
    expect((await tasksFor(financeUser, new Date("2027-03-01T12:00:00Z"))).yearToCreate).toBe(2028);

    const hmu = await tasksFor((await actorWithRole("HMU")).user!, NOW);
    expect(hasNoTasks(hmu)).toBe(true);
    expect(hasNoTasks(secretariat)).toBe(false);
  });

  it("shows the tasks on the home page, with links to act on them", async () => {
    const submitted = await application("Indsendt om trivsel", "submitted");
    const result = await callLoader(homeRoute, "/", { cookie: await cookieFor((await areaLeadOf(buu)).user!.email) });
    expect(result.status).toBe(200);
    const data = result.data as Awaited<ReturnType<typeof homeModule.loader>>;
    expect(data.tasks.toEndorse.map((t) => t.id)).toEqual([submitted]);
    expect(data.nothingToDo).toBe(false);
    const hmu = await callLoader(homeRoute, "/", { cookie: await cookieFor((await actorWithRole("HMU")).user!.email) });
    expect((hmu.data as typeof data).nothingToDo).toBe(true);
  });
});
