// The demo's year, placed around today: pool years from 2026 (the pool starts
// with the new organisation in August 2026) to the year after today's, their
// prioritisations, and three rounds relative to today's date: one decided some
// months ago, one closed with its applications endorsed, and one open now, with
// applications at every stage the app has (draft, submitted, returned for
// changes, endorsed, withdrawn). Applications go through the same use cases as
// in the app (with the clock of the story), so their versions, screening,
// notifications and audit trail are what a real user would leave behind.
import type { PrismaClient } from "../app/generated/prisma/client";
import type { ApplicationContent } from "../app/domain/applications/content";
import type { CostCategory } from "../app/domain/screening/rules";
import { addDays, danishToday, dateOnlyUtc, DANISH_TIME_ZONE, zonedTimeToUtc } from "../app/domain/dates";
import { createApplication, saveDraft } from "../app/services/applications/drafting.server";
import { endorseApplication, returnApplication } from "../app/services/applications/endorsement.server";
import { submitApplication, withdrawApplication } from "../app/services/applications/submission.server";
import type { Actor } from "../app/services/mutation.server";
import { sessionUserOf, userSelect, type SessionUser } from "../app/utils/session.server";

/** Where the reference data (organisation, users, focus areas, guidelines) was put. */
export interface ReferenceIds {
  focusAreaIds: Map<string, string>;
  areaIds: Map<string, string>;
  guidelineVersionId: string;
}

export interface StoryRound {
  name: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  stage: "decided" | "closed" | "open";
}

/** The pool's first year: it starts with the new organisation on 1 August 2026. */
export const FIRST_POOL_YEAR = 2026;
const FIRST_POOL_DAY = dateOnlyUtc(2026, 8, 1);

const at = (day: Date, time: string): Date => {
  const instant = zonedTimeToUtc(`${day.toISOString().slice(0, 10)}T${time}`, DANISH_TIME_ZONE);
  if (!instant) throw new Error(`Invalid Danish time ${day.toISOString()} ${time}`);
  return instant;
};

function seasonName(opensAt: Date): string {
  const month = Number(new Intl.DateTimeFormat("en-GB", { timeZone: DANISH_TIME_ZONE, month: "numeric" }).format(opensAt));
  if (month >= 3 && month <= 5) return "Forårsrunde";
  if (month >= 6 && month <= 8) return "Sommerrunde";
  if (month >= 9 && month <= 10) return "Efterårsrunde";
  return "Vinterrunde";
}

/**
 * The story's three rounds for a given Danish calendar day (UTC midnight). Each
 * belongs to the pool year of its decision date. The decided round is left out
 * when it would have to open before the pool existed.
 */
export function storyRounds(today: Date): StoryRound[] {
  const shape = (stage: StoryRound["stage"], opens: number, closes: number, endorse: number, decide: number) => ({
    stage,
    opensAt: at(addDays(today, opens), "08:00"),
    closesAt: at(addDays(today, closes), "12:00"),
    endorsementDeadline: at(addDays(today, endorse), "12:00"),
    decisionDate: addDays(today, decide),
  });
  const open = shape("open", -9, 15, 20, 27);
  const closed = shape("closed", -80, -40, -26, 6);
  let decided: ReturnType<typeof shape> | null = shape("decided", -190, -150, -136, -120);
  if (addDays(today, -190) < FIRST_POOL_DAY) {
    // Early in the pool's life: the first round runs from the pool's start, if it fits before the closed one.
    const start = Math.round((FIRST_POOL_DAY.getTime() - today.getTime()) / 86_400_000) + 2;
    decided = start + 35 <= -81 ? shape("decided", start, start + 22, start + 28, start + 35) : null;
  }
  const rounds = [decided, closed, open].filter((r) => r !== null);
  const names = new Set<string>();
  return rounds.map((round) => {
    const year = round.decisionDate.getUTCFullYear();
    let name = `${seasonName(round.opensAt)} ${year}`;
    if (names.has(name)) name = `${name} II`;
    names.add(name);
    return { ...round, name, year };
  });
}

/** The pool years the story needs: from 2026 to the year after the later of today's and the rounds' years. */
export function storyYears(today: Date, rounds: readonly StoryRound[]): number[] {
  const last = Math.max(today.getUTCFullYear(), ...rounds.map((r) => r.year)) + 1;
  const years: number[] = [];
  for (let year = FIRST_POOL_YEAR; year <= last; year++) years.push(year);
  return years;
}

interface DemoApplication {
  round: StoryRound["stage"];
  applicant: "BUU" | "VJH";
  stage: "draft" | "submitted" | "returned" | "endorsed" | "withdrawn";
  title: string;
  purpose: string;
  targetGroup: string;
  participants: number;
  activityType: ApplicationContent["activityType"];
  focus: string[];
  partners: string[];
  lines: [category: CostCategory, description: string, kroner: number][];
  coFinancingKroner: number;
  expectedEffect: string;
  followUpPlan: string;
  comment?: string;
}

const APPLICATIONS: readonly DemoApplication[] = [
  {
    round: "decided",
    applicant: "BUU",
    stage: "endorsed",
    title: "Traumebevidst pædagogik i familiebehandlingen",
    purpose: "Familiebehandlerne lærer at genkende og arbejde med traumer hos børn og forældre.",
    targetGroup: "Familiebehandlere og socialrådgivere",
    participants: 24,
    activityType: "EDUCATION",
    focus: ["Faglig udvikling", "Kvalitet i borgerkontakten"],
    partners: ["JUS"],
    lines: [
      ["COURSE_FEE", "Uddannelsesforløb, 4 moduler", 96_000],
      ["MATERIALS", "Litteratur og materialer", 8_500],
      ["TRANSPORT", "Transport til modulerne", 6_200],
    ],
    coFinancingKroner: 28_000,
    expectedEffect: "Færre sammenbrud i anbringelser og mere stabile forløb for familierne.",
    followUpPlan: "Måling af forløbenes længde og en spørgeskemaundersøgelse efter seks måneder.",
  },
  {
    round: "decided",
    applicant: "VJH",
    stage: "endorsed",
    title: "Forebyggelse af vold og trusler på bostederne",
    purpose: "Personalet på bostederne trænes i konfliktnedtrapning og fælles beredskab.",
    targetGroup: "Pædagoger og omsorgsmedhjælpere på bostederne",
    participants: 40,
    activityType: "IN_HOUSE_TRAINING",
    focus: ["Forebyggelse af vold og trusler"],
    partners: ["BUU"],
    lines: [
      ["EXTERNAL_TEACHING", "Ekstern underviser, 5 kursusdage", 62_500],
      ["MATERIALS", "Øvelsesmaterialer", 4_000],
    ],
    coFinancingKroner: 17_000,
    expectedEffect: "Færre episoder med vold og trusler og tryggere medarbejdere.",
    followUpPlan: "Registrerede episoder sammenlignes før og efter; opfølgning i arbejdsmiljøgruppen.",
  },
  {
    round: "closed",
    applicant: "BUU",
    stage: "endorsed",
    title: "Konflikthåndtering for frontpersonale",
    purpose: "Medarbejdere i borgerkontakten lærer at nedtrappe konflikter tidligt.",
    targetGroup: "Medarbejdere i modtagelsen og på telefonen",
    participants: 18,
    activityType: "COURSE",
    focus: ["Forebyggelse af vold og trusler", "Kvalitet i borgerkontakten"],
    partners: ["JSV"],
    lines: [
      ["COURSE_FEE", "Kursus, 2 dage", 54_000],
      ["ACCOMMODATION", "Forplejning", 7_200],
    ],
    coFinancingKroner: 15_300,
    expectedEffect: "Tryggere medarbejdere og færre klager over borgerkontakten.",
    followUpPlan: "Kort evaluering efter kurset og opfølgning på episoder efter tre måneder.",
  },
  {
    round: "closed",
    applicant: "BUU",
    stage: "endorsed",
    title: "Netværk for teamledere på tværs",
    purpose: "Et netværk, hvor teamledere fra flere områder deler erfaringer med ledelse tæt på opgaven.",
    targetGroup: "Teamledere",
    participants: 12,
    activityType: "NETWORK_SUPERVISION",
    focus: ["Ledelseskraft", "Samarbejde på tværs"],
    partners: ["VJH", "ØAD"],
    lines: [
      ["EXTERNAL_TEACHING", "Facilitator, 6 netværksmøder", 36_000],
      ["ACCOMMODATION", "Mødeforplejning", 4_800],
    ],
    coFinancingKroner: 10_200,
    expectedEffect: "Stærkere ledelseskraft og mere ensartede arbejdsgange mellem teams.",
    followUpPlan: "Deltagerne evaluerer efter hvert møde; samlet opfølgning efter et år.",
  },
  {
    round: "closed",
    applicant: "VJH",
    stage: "endorsed",
    title: "Tidlig opsporing af sygefravær",
    purpose: "Lederne lærer at tage den tidlige samtale om trivsel og fravær.",
    targetGroup: "Ledere i Center for Bo- og Dagtilbud",
    participants: 14,
    activityType: "COURSE",
    focus: ["Nedbringelse af sygefravær", "Ledelseskraft"],
    partners: ["OFS"],
    lines: [["COURSE_FEE", "Kursus, 3 dage", 45_000]],
    coFinancingKroner: 11_250,
    expectedEffect: "Lavere sygefravær og flere tidlige samtaler.",
    followUpPlan: "Sygefraværet følges kvartalsvis i et år.",
  },
  {
    round: "closed",
    applicant: "VJH",
    stage: "withdrawn",
    title: "Studietur til bosteder i Sverige",
    purpose: "Inspiration til nye måder at organisere hverdagen på bostederne.",
    targetGroup: "Pædagoger",
    participants: 10,
    activityType: "OTHER",
    focus: ["Faglig udvikling"],
    partners: ["JUS"],
    lines: [
      ["TRANSPORT", "Rejse", 22_000],
      ["ACCOMMODATION", "Ophold, 2 nætter", 18_000],
    ],
    coFinancingKroner: 10_000,
    expectedEffect: "Nye idéer til hverdagen på bostederne.",
    followUpPlan: "Deltagerne fremlægger for resten af centret.",
  },
  {
    round: "open",
    applicant: "BUU",
    stage: "submitted",
    title: "Motiverende samtale i myndighedsarbejdet",
    purpose: "Sagsbehandlerne lærer motiverende samtale, så borgerne oplever at blive mødt med tillid.",
    targetGroup: "Sagsbehandlere",
    participants: 20,
    activityType: "COURSE",
    focus: ["Kvalitet i borgerkontakten"],
    partners: ["JSV"],
    lines: [
      ["COURSE_FEE", "Kursus, 3 dage", 75_000],
      ["MATERIALS", "Bøger", 3_000],
    ],
    coFinancingKroner: 19_500,
    expectedEffect: "Bedre samtaler og færre klager.",
    followUpPlan: "Borgertilfredshed måles før og efter.",
  },
  {
    round: "open",
    applicant: "BUU",
    stage: "returned",
    title: "E-læring om dokumentation",
    purpose: "Et e-læringsforløb om god dokumentation i journalen.",
    targetGroup: "Alle medarbejdere i centret",
    participants: 60,
    activityType: "E_LEARNING",
    focus: ["Effektive og ensartede arbejdsgange", "Nye digitale løsninger"],
    partners: ["ØAD"],
    lines: [["OTHER", "Licens til e-læringsplatform", 48_000]],
    coFinancingKroner: 12_000,
    expectedEffect: "Mere ensartet dokumentation.",
    followUpPlan: "Stikprøver i journalerne efter et halvt år.",
    comment: "Beskriv venligst, hvordan forløbet følges op ud over stikprøverne, og hvem der står for det.",
  },
  {
    round: "open",
    applicant: "BUU",
    stage: "draft",
    title: "Supervision for familiebehandlere",
    purpose: "Ekstern supervision for at styrke den faglige refleksion.",
    targetGroup: "Familiebehandlere",
    participants: 9,
    activityType: "NETWORK_SUPERVISION",
    focus: ["Faglig udvikling"],
    partners: [],
    lines: [["EXTERNAL_TEACHING", "Supervisor, 8 gange", 32_000]],
    coFinancingKroner: 8_000,
    expectedEffect: "",
    followUpPlan: "",
  },
  {
    round: "open",
    applicant: "VJH",
    stage: "endorsed",
    title: "Velfærdsteknologi i bo- og dagtilbud",
    purpose: "Medarbejderne lærer at bruge de nye digitale hjælpemidler sammen med borgerne.",
    targetGroup: "Medarbejdere i bo- og dagtilbud",
    participants: 30,
    activityType: "IN_HOUSE_TRAINING",
    focus: ["Nye digitale løsninger"],
    partners: ["ØAD"],
    lines: [
      ["EXTERNAL_TEACHING", "Undervisning, 4 hold", 52_000],
      ["MATERIALS", "Demonstrationsudstyr", 9_000],
    ],
    coFinancingKroner: 15_250,
    expectedEffect: "Flere borgere bruger hjælpemidlerne i hverdagen.",
    followUpPlan: "Brugen af hjælpemidlerne følges efter tre og seks måneder.",
  },
  {
    round: "open",
    applicant: "VJH",
    stage: "draft",
    title: "Kursus i pårørendesamarbejde",
    purpose: "",
    targetGroup: "",
    participants: 15,
    activityType: "COURSE",
    focus: ["Kvalitet i borgerkontakten"],
    partners: [],
    lines: [["COURSE_FEE", "Kursus", 30_000]],
    coFinancingKroner: 7_500,
    expectedEffect: "",
    followUpPlan: "",
  },
];

const EMAIL = { BUU: "ansoeger@demo.aarhus.dk", VJH: "ansoeger.vjh@demo.aarhus.dk" } as const;
const LEAD = { BUU: "chef.buu@demo.aarhus.dk", VJH: "chef.vjh@demo.aarhus.dk" } as const;

async function actorFor(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: userSelect });
  return { user: sessionUserOf(user), requestId: "demo" };
}

/**
 * Runs one step of the story at the story's time `when`: what the step wrote
 * (audit events, notifications) is dated `when`, as if it had happened then.
 */
async function stepAt<T>(prisma: PrismaClient, applicationId: string | null, when: Date, work: () => Promise<T>): Promise<T> {
  const started = new Date();
  const result = await work();
  const id = applicationId ?? (result as { id?: string }).id;
  if (id) {
    await prisma.auditEvent.updateMany({ where: { entityType: "Application", entityId: id, at: { gte: started } }, data: { at: when } });
    await prisma.notification.updateMany({ where: { applicationId: id, createdAt: { gte: started } }, data: { createdAt: when } });
    await prisma.outboxEmail.updateMany({ where: { applicationId: id, createdAt: { gte: started } }, data: { createdAt: when } });
  }
  return result;
}

/** Whole kroner (the demo's amounts) in øre, exactly. */
const kroner = (amount: number) => BigInt(amount) * 100n;

function contentOf(app: DemoApplication, round: StoryRound, ids: ReferenceIds, applicant: SessionUser): ApplicationContent {
  const start = addDays(round.decisionDate, 21);
  const end = addDays(start, 45);
  const inYear = end.getUTCFullYear() === round.year && start.getUTCFullYear() === round.year;
  return {
    unitId: null,
    contactName: applicant.name,
    contactEmail: applicant.email,
    title: app.title,
    purpose: app.purpose,
    targetGroup: app.targetGroup,
    participants: app.participants,
    activityType: app.activityType,
    startDate: start,
    endDate: end,
    costLines: app.lines.map(([category, description, amount]) => ({ category, description, amountOre: kroner(amount) })),
    coFinancingOre: kroner(app.coFinancingKroner),
    focusAreaIds: app.focus.map((name) => ids.focusAreaIds.get(name)!),
    primaryFocusAreaId: ids.focusAreaIds.get(app.focus[0]!)!,
    partnerAreaIds: app.partners.map((code) => ids.areaIds.get(code)!),
    expectedEffect: app.expectedEffect,
    followUpPlan: app.followUpPlan,
    softRuleJustification: inYear ? "" : "Forløbet begynder kort efter afgørelsen og slutter derfor først i det følgende år.",
  };
}

/** Pool years, prioritisations, rounds and applications around `now`. */
export async function seedDemoStory(prisma: PrismaClient, ids: ReferenceIds, now: Date): Promise<void> {
  const today = danishToday(now);
  const rounds = storyRounds(today);
  const years = storyYears(today, rounds);
  const finance = await prisma.user.findUniqueOrThrow({ where: { email: "oekonomi@demo.aarhus.dk" }, select: { id: true } });
  const secretariat = await prisma.user.findUniqueOrThrow({ where: { email: "sekretariat@demo.aarhus.dk" }, select: { id: true } });
  const leadership = await prisma.user.findUniqueOrThrow({ where: { email: "ledelse@demo.aarhus.dk" }, select: { id: true } });
  const focus = (name: string) => ids.focusAreaIds.get(name)!;

  const roundIds = new Map<StoryRound["stage"], string>();
  for (const year of years) {
    const first = year === FIRST_POOL_YEAR;
    const poolYear = await prisma.poolYear.create({
      data: {
        year,
        budgetOre: 600_000_000n,
        startsOn: first ? FIRST_POOL_DAY : dateOnlyUtc(year, 1, 1),
        note: first ? "Puljen starter med den nye organisering 1. august 2026." : "",
        createdById: finance.id,
      },
    });
    let totalOre = 600_000_000n;
    if (first) {
      totalOre -= 350_000_000n;
      await prisma.budgetAdjustment.create({
        data: {
          poolYearId: poolYear.id,
          amountOre: -350_000_000n,
          reason: "Puljen løber kun fra 1. august 2026: rammen nedskrives til 5/12 af årsrammen.",
          effectiveOn: FIRST_POOL_DAY,
          createdById: finance.id,
        },
      });
    }
    const yearRounds = rounds.filter((r) => r.year === year);
    // The year after today's has no priorities yet: that is the leadership's next task.
    const prioritised = yearRounds.length > 0 || year <= today.getUTCFullYear();
    if (prioritised) {
      const firstOpening = yearRounds[0] ? danishToday(yearRounds[0].opensAt) : null;
      const planned = first ? dateOnlyUtc(2026, 8, 20) : dateOnlyUtc(year, 1, 15);
      const decidedOn = firstOpening && firstOpening <= planned ? addDays(firstOpening, -7) : planned;
      const hardOre = first ? 50_000_000n : 100_000_000n;
      await prisma.prioritisation.create({
        data: {
          poolYearId: poolYear.id,
          guidelineVersionId: ids.guidelineVersionId,
          revision: 1,
          decidedOn,
          note: first ? "Første prioritering efter den nye organisering." : `Den strategiske ledelses prioritering for ${year}.`,
          createdById: leadership.id,
          focusAreas: {
            create: [
              { focusAreaId: focus("Forebyggelse af vold og trusler"), rank: 1, weightHundredths: 150, earmarkKind: "AMOUNT", earmarkOre: hardOre, earmarkHard: true },
              { focusAreaId: focus("Nye digitale løsninger"), rank: 2, weightHundredths: 125, earmarkKind: "PERCENT", earmarkBasisPoints: 1000, earmarkOre: totalOre / 10n, earmarkHard: false },
              { focusAreaId: focus("Samarbejde på tværs"), rank: 3, weightHundredths: 100 },
              { focusAreaId: focus("Ledelseskraft"), rank: 4, weightHundredths: 100 },
              { focusAreaId: focus("Nedbringelse af sygefravær"), rank: 5, weightHundredths: 100 },
              { focusAreaId: focus("Kvalitet i borgerkontakten"), rank: 6, weightHundredths: 100 },
              { focusAreaId: focus("Faglig udvikling"), rank: 7, weightHundredths: 90 },
              { focusAreaId: focus("Effektive og ensartede arbejdsgange"), rank: 8, weightHundredths: 90 },
            ],
          },
        },
      });
    }
    // Each round gets a quarter of the year's total (rounded down to whole 1.000 kr.), leaving room for more rounds.
    const share = ((totalOre / 4n) / 100_000n) * 100_000n;
    for (const round of yearRounds) {
      const created = await prisma.round.create({
        data: {
          poolYearId: poolYear.id,
          name: round.name,
          opensAt: round.opensAt,
          closesAt: round.closesAt,
          endorsementDeadline: round.endorsementDeadline,
          decisionDate: round.decisionDate,
          budgetShareOre: share,
          createdById: secretariat.id,
          createdAt: addDays(round.opensAt, -30),
        },
      });
      roundIds.set(round.stage, created.id);
    }
  }

  const ranks = new Map<string, number>();
  for (const [index, app] of APPLICATIONS.entries()) {
    const round = rounds.find((r) => r.stage === app.round);
    const roundId = roundIds.get(app.round);
    if (!round || !roundId) continue; // early in the pool's life there is no decided round yet
    const applicant = await actorFor(prisma, EMAIL[app.applicant]);
    const lead = await actorFor(prisma, LEAD[app.applicant]);
    const created = new Date(Math.min(round.opensAt.getTime() + 2 * 3_600_000 + index * 3_600_000, now.getTime() - 3_600_000));
    const { id } = await stepAt(prisma, null, created, () => createApplication(applicant, { roundId, unitId: applicant.user!.unitId!, now: created }));
    await prisma.application.update({ where: { id }, data: { createdAt: created, updatedAt: created } });
    const content = contentOf(app, round, ids, applicant.user!);
    if (app.stage === "draft") {
      await stepAt(prisma, id, created, () => saveDraft(applicant, { id, content }));
      continue;
    }
    const submitted = new Date(created.getTime() + 2 * 86_400_000 > now.getTime() ? now.getTime() - 1_800_000 : created.getTime() + 2 * 86_400_000);
    await stepAt(prisma, id, submitted, () => submitApplication(applicant, { id, content, now: submitted }));
    const later = new Date(Math.min(round.closesAt.getTime() + 86_400_000, now.getTime() - 600_000, round.endorsementDeadline.getTime() - 3_600_000));
    const acted = later > submitted ? later : new Date(submitted.getTime() + 600_000);
    if (app.stage === "endorsed") {
      const key = `${app.round}/${app.applicant}`;
      const rank = (ranks.get(key) ?? 0) + 1;
      ranks.set(key, rank);
      await stepAt(prisma, id, acted, () => endorseApplication(lead, { id, comment: "Indstilles: aktiviteten passer til årets prioritering.", rank, now: acted }));
    } else if (app.stage === "returned") {
      await stepAt(prisma, id, acted, () => returnApplication(lead, { id, comment: app.comment ?? "", now: acted }));
    } else if (app.stage === "withdrawn") {
      await stepAt(prisma, id, acted, () => withdrawApplication(applicant, { id, now: acted }));
    }
  }
}
