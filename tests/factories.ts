// Factories: build what a test needs through the application's own mutations,
// so the records are exactly what the app would create (with their audit
// events), and a test never depends on a record of the demo data by name.
//
// How to use them
// - Start from `resetToReferenceData()` (tests/db-utils.ts): areas, units, the
//   demo users, focus areas and the adopted guideline v1, but no pool years,
//   priorities, rounds or applications. (`resetToDemo()` also works, but its
//   fixed 2026 rounds take the whole 2026 budget: make rounds in another year.)
// - Then make what the test is about, relative to the test's own clock:
//     const NOW = new Date("2026-11-26T12:00:00Z");
//     const round = await createRound({ now: NOW });          // open around NOW; makes its pool year and priorities
//     const unit = await someUnit("BUU");
//     const app = await createApplication({ round, unit, stage: "submitted", now: NOW });
//     const lead = await areaLeadOf(unit);                     // { user, actor } for the unit's area
// - Every option has a working default; pass only what the test is about
//   (`content: { title: "…" }`, `budgetShareOre`, `closesAt`, …). A factory
//   that cannot do what it was asked throws the mutation's own error.
// - Actors are found by role, not by e-mail (`actorWithRole("SECRETARIAT")`);
//   `createApplicant(unit)` makes a new applicant when a test needs its own.
import { randomBytes } from "node:crypto";
import type { Role } from "~/domain/permissions";
import { addDays, danishToday } from "~/domain/dates";
import type { Ore } from "~/domain/money";
import { createApplication as createApplicationMutation, saveDraft } from "~/services/applications/drafting.server";
import { endorseApplication, returnApplication } from "~/services/applications/endorsement.server";
import { submitApplication, withdrawApplication } from "~/services/applications/submission.server";
import type { Actor } from "~/services/mutation.server";
import { createPoolYear as createPoolYearMutation } from "~/services/pool-years.server";
import { recordPrioritisation } from "~/services/prioritisations.server";
import { createRound as createRoundMutation } from "~/services/rounds.server";
import { createUser } from "~/services/users.server";
import { prisma } from "~/utils/db.server";
import { actorFor } from "./db-utils";

/** The content an application's form holds (as the drafting mutation takes it). */
export type ApplicationContent = Parameters<typeof saveDraft>[1]["content"];

type Ref = string | { id: string };
const idOf = (ref: Ref) => (typeof ref === "string" ? ref : ref.id);

// ---------------------------------------------------------------- actors

/** An actor holding this role pool-wide (for an AREA_LEAD: of `areaId`, when given). */
export async function actorWithRole(role: Role, areaId?: string): Promise<Actor> {
  const user = await prisma.user.findFirst({
    where: { active: true, roles: { some: { role, ...(areaId ? { areaId } : {}) } } },
    orderBy: { email: "asc" },
    select: { email: true },
  });
  if (!user) throw new Error(`No active user has the role ${role}${areaId ? ` in area ${areaId}` : ""}.`);
  return actorFor(user.email);
}

/** The area lead of a unit's area, as an actor. */
export async function areaLeadOf(unit: Ref): Promise<Actor> {
  const { areaId } = await prisma.unit.findUniqueOrThrow({ where: { id: idOf(unit) }, select: { areaId: true } });
  return actorWithRole("AREA_LEAD", areaId);
}

/** An active unit of the area with this code (the first by name, or the one named). */
export async function someUnit(areaCode: string, name?: string): Promise<{ id: string; areaId: string; name: string }> {
  return prisma.unit.findFirstOrThrow({
    where: { active: true, area: { code: areaCode }, ...(name ? { name } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, areaId: true, name: true },
  });
}

/** A new applicant of `unit`, created by an administrator (as the user admin page does). */
export async function createApplicant(unit: Ref, options: { name?: string; email?: string } = {}): Promise<Actor> {
  const suffix = randomBytes(4).toString("hex");
  const email = options.email ?? `ansoeger-${suffix}@demo.aarhus.dk`;
  await createUser(await actorWithRole("ADMIN"), {
    email,
    name: options.name ?? `Test Ansøger ${suffix}`,
    unitId: idOf(unit),
    roles: ["APPLICANT"],
    leadAreaId: null,
    applicantUnitId: null,
    password: `Sommerfugl-${suffix}-Kaffekop`,
  });
  return actorFor(email);
}

/** An active applicant of `unit` (the first one found), or a new one. */
async function applicantOf(unit: Ref): Promise<Actor> {
  const unitId = idOf(unit);
  const user = await prisma.user.findFirst({
    where: {
      active: true,
      roles: { some: { role: "APPLICANT", OR: [{ unitId }, { unitId: null, user: { unitId } }] } },
    },
    orderBy: { email: "asc" },
    select: { email: true },
  });
  return user ? actorFor(user.email) : createApplicant(unitId);
}

// ---------------------------------------------------------------- pool years, priorities, rounds

export interface PoolYearOptions {
  year: number;
  budgetOre?: Ore;
  startsOn?: Date;
  note?: string;
}

/** A pool year, created by finance (default budget 6 mio. kr., starting 1 January). */
export async function createPoolYear(options: PoolYearOptions): Promise<{ id: string; year: number }> {
  return createPoolYearMutation(await actorWithRole("FINANCE"), {
    year: options.year,
    budgetOre: options.budgetOre ?? 600_000_000n,
    startsOn: options.startsOn ?? new Date(`${options.year}-01-01T00:00:00.000Z`),
    note: options.note ?? "",
  });
}

/** The pool year, created when it does not exist yet. */
async function ensurePoolYear(year: number): Promise<{ id: string; year: number }> {
  const existing = await prisma.poolYear.findUnique({ where: { year }, select: { id: true, year: true } });
  return existing ?? createPoolYear({ year });
}

export interface PrioritisationOptions {
  year: number;
  /** The focus areas in rank order (default: the first `count` active ones by name). */
  focusAreaIds?: string[];
  count?: number;
  /** Default: today in Denmark (by `now`, and never after the real clock: the mutation refuses a future date). */
  decidedOn?: Date;
  now?: Date;
  note?: string;
}

/** A recorded prioritisation of a year (by the leadership): ranks 1…n, weight 1, no earmarks. */
export async function createPrioritisation(options: PrioritisationOptions): Promise<{ id: string; revision: number; focusAreaIds: string[] }> {
  const guideline = await prisma.guidelineVersion.findFirst({
    where: { status: "ADOPTED" },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (!guideline) throw new Error("No adopted guideline version to prioritise against.");
  const focusAreaIds =
    options.focusAreaIds ??
    (
      await prisma.focusArea.findMany({ where: { active: true }, orderBy: { name: "asc" }, take: options.count ?? 3, select: { id: true } })
    ).map((fa) => fa.id);
  const now = options.now ?? new Date();
  const realToday = danishToday(new Date());
  const today = danishToday(now);
  const recorded = await recordPrioritisation(await actorWithRole("LEADERSHIP"), {
    year: options.year,
    guidelineVersionId: guideline.id,
    decidedOn: options.decidedOn ?? (today < realToday ? today : realToday),
    note: options.note ?? "",
    items: focusAreaIds.map((focusAreaId, index) => ({ focusAreaId, rank: index + 1, weightHundredths: 100, earmark: { kind: "NONE" } })),
  });
  return { ...recorded, focusAreaIds };
}

export interface RoundOptions {
  /** The round is open at this moment by default (opens a week before, closes two weeks after). */
  now?: Date;
  name?: string;
  opensAt?: Date;
  closesAt?: Date;
  endorsementDeadline?: Date;
  decisionDate?: Date;
  budgetShareOre?: Ore;
  /** Default: the decision date's year. Created (with a prioritisation) when missing. */
  year?: number;
  /** Record a prioritisation for a year this factory creates (default true). */
  prioritise?: boolean;
}

export interface RoundRecord {
  id: string;
  year: number;
  name: string;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
}

/**
 * A round, created by the secretariat. Without dates it is open around `now`:
 * opens 7 days before, closes 14 days after, endorsement deadline 4 days and
 * decision 7 days after closing. Its pool year (and that year's prioritisation)
 * are created when missing.
 */
export async function createRound(options: RoundOptions = {}): Promise<RoundRecord> {
  const now = options.now ?? new Date();
  const opensAt = options.opensAt ?? addDays(now, -7);
  const closesAt = options.closesAt ?? addDays(opensAt, 21);
  const endorsementDeadline = options.endorsementDeadline ?? addDays(closesAt, 4);
  const decisionDate = options.decisionDate ?? danishToday(addDays(closesAt, 7));
  const year = options.year ?? decisionDate.getUTCFullYear();
  const hadYear = (await prisma.poolYear.count({ where: { year } })) > 0;
  await ensurePoolYear(year);
  if (!hadYear && options.prioritise !== false) await createPrioritisation({ year, now });
  const name = options.name ?? `Testrunde ${randomBytes(3).toString("hex")}`;
  const fields = { name, opensAt, closesAt, endorsementDeadline, decisionDate, budgetShareOre: options.budgetShareOre ?? 50_000_000n };
  const { id } = await createRoundMutation(await actorWithRole("SECRETARIAT"), { year, ...fields });
  return { id, year, name, opensAt, closesAt, endorsementDeadline, decisionDate };
}

// ---------------------------------------------------------------- applications

export type ApplicationStage = "draft" | "submitted" | "endorsed" | "returned" | "withdrawn";

export interface ApplicationOptions {
  round: Ref;
  unit: Ref;
  /** Who applies (default: an applicant of the unit, made when there is none). */
  applicant?: Actor;
  /** Fields that differ from a complete, eligible application. */
  content?: Partial<ApplicationContent>;
  stage?: ApplicationStage;
  /** The moment of every step (default: now); the round must be open then. */
  now?: Date;
}

export interface ApplicationRecord {
  id: string;
  reference: string;
  applicant: Actor;
}

/**
 * Complete content that passes the submission checks in a round of a
 * prioritised year: one focus area of the year's prioritisation in force,
 * a partner area, a course three weeks after `now`.
 */
export async function validContent(roundId: string, applicant: Actor, now: Date = new Date()): Promise<ApplicationContent> {
  const round = await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { poolYearId: true } });
  const prioritisation = await prisma.prioritisation.findFirst({
    where: { poolYearId: round.poolYearId },
    orderBy: { revision: "desc" },
    select: { focusAreas: { orderBy: { rank: "asc" }, select: { focusAreaId: true } } },
  });
  const focusAreaId = prioritisation?.focusAreas[0]?.focusAreaId ?? null;
  const partner = await prisma.area.findFirst({
    where: { active: true, id: { not: applicant.user?.areaId ?? "" } },
    orderBy: { sortOrder: "asc" },
    select: { id: true },
  });
  const startDate = addDays(danishToday(now), 21);
  return {
    unitId: null,
    contactName: applicant.user?.name ?? "Test",
    contactEmail: applicant.user?.email ?? "ansoeger@demo.aarhus.dk",
    title: "Kursus i konflikthåndtering",
    purpose: "Færre episoder med vold og trusler.",
    targetGroup: "Frontpersonale",
    participants: 12,
    activityType: "COURSE",
    startDate,
    endDate: addDays(startDate, 1),
    costLines: [{ category: "COURSE_FEE", description: "Kursusafgift", amountOre: 4_000_000n }],
    coFinancingOre: 1_000_000n,
    focusAreaIds: focusAreaId ? [focusAreaId] : [],
    primaryFocusAreaId: focusAreaId,
    partnerAreaIds: partner ? [partner.id] : [],
    expectedEffect: "Tryggere medarbejdere.",
    followUpPlan: "Måling efter tre måneder.",
    // Dates late in the year may cross into the next year (a soft rule): say why.
    softRuleJustification: "Aktiviteten er planlagt med leverandøren.",
  };
}

/**
 * An application taken to `stage` (default "draft") through the same steps a
 * user would: create, save the content, submit, then endorse/return (by the
 * unit's area lead) or withdraw (by the applicant).
 */
export async function createApplication(options: ApplicationOptions): Promise<ApplicationRecord> {
  const now = options.now ?? new Date();
  const roundId = idOf(options.round);
  const unitId = idOf(options.unit);
  const applicant = options.applicant ?? (await applicantOf(unitId));
  const { id, reference } = await createApplicationMutation(applicant, { roundId, unitId, now });
  const content = { ...(await validContent(roundId, applicant, now)), ...options.content };
  await saveDraft(applicant, { id, content });
  const stage = options.stage ?? "draft";
  if (stage !== "draft") {
    await submitApplication(applicant, { id, content: null, now });
    if (stage === "endorsed") await endorseApplication(await areaLeadOf(unitId), { id, comment: "Indstilles.", rank: null, now });
    if (stage === "returned") await returnApplication(await areaLeadOf(unitId), { id, comment: "Uddyb opfølgningen.", now });
    if (stage === "withdrawn") await withdrawApplication(applicant, { id, now });
  }
  return { id, reference, applicant };
}
