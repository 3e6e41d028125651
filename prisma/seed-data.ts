// Demo data: the six areas from the reorganisation of MSB (August 2026), their
// centres/offices, one demo user per role, focus areas and guidelines v1; then
// either the live demo placed around today (seedDemoData, for `npm start` and
// db:seed) or the fixed test fixture (seedFixtureData, for tests and benchmarks).
// Names of people are fictional.
import type { PrismaClient } from "../app/generated/prisma/client";
import type { Tx } from "../app/utils/db.server";
import { seedDemoStory, type ReferenceIds } from "./demo-story";
import type { Role } from "../app/domain/permissions";
import { hashPassword } from "../app/utils/password.server";

export const DEMO_PASSWORD = "Kompetence2026";

export const DEMO_AREAS = [
  {
    code: "BUU",
    name: "Børn, Unge og Uddannelse",
    headName: "Mette Kjær",
    units: ["Center for Familieindsatser", "Center for Børn og Unge med Handicap", "Center for Unge og Uddannelse", "Myndighed Børn og Unge"],
  },
  {
    code: "VJH",
    name: "Voksne, Job og Handicap",
    headName: "Jens Holm",
    units: ["Center for Bo- og Dagtilbud", "Center for Job og Handicap", "Myndighed Voksne med Handicap"],
  },
  {
    code: "JUS",
    name: "Job, Udsatte og Socialpsykiatri",
    headName: "Sofie Lund",
    units: ["Center for Socialpsykiatri", "Center for Udsatte Voksne", "Jobindsatser for Udsatte"],
  },
  {
    code: "JSV",
    name: "Job, Sundhed og Virksomheder",
    headName: "Ali Rahimi",
    units: ["Virksomhedsservice og Rekruttering", "Center for Sygedagpenge og Jobafklaring", "Integration og Sprog", "Ydelsescentret", "Rusmiddelcenter Aarhus"],
  },
  {
    code: "ØAD",
    name: "Økonomi, Administration og Digitalisering",
    headName: "Karen Vestergaard",
    units: ["Økonomi", "Digitalisering", "Fællesadministrationerne"],
  },
  {
    code: "OFS",
    name: "Organisation, Faglig Udvikling og Sekretariat",
    headName: "Peter Nørgaard",
    units: ["Fagligt Sekretariat", "Organisation og Ledelse", "HR og Arbejdsmiljø"],
  },
] as const;

type DemoUser = {
  email: string;
  name: string;
  unit: readonly [areaCode: string, unitName: string];
  roles: { role: Role; areaCode?: string }[];
};

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "ansoeger@demo.aarhus.dk", name: "Anna Andersen", unit: ["BUU", "Center for Familieindsatser"], roles: [{ role: "APPLICANT" }] },
  { email: "ansoeger.vjh@demo.aarhus.dk", name: "Bo Bertelsen", unit: ["VJH", "Center for Bo- og Dagtilbud"], roles: [{ role: "APPLICANT" }] },
  { email: "chef.buu@demo.aarhus.dk", name: "Mette Kjær", unit: ["BUU", "Myndighed Børn og Unge"], roles: [{ role: "AREA_LEAD", areaCode: "BUU" }] },
  { email: "chef.vjh@demo.aarhus.dk", name: "Jens Holm", unit: ["VJH", "Myndighed Voksne med Handicap"], roles: [{ role: "AREA_LEAD", areaCode: "VJH" }] },
  { email: "sekretariat@demo.aarhus.dk", name: "Sara Simonsen", unit: ["OFS", "Fagligt Sekretariat"], roles: [{ role: "SECRETARIAT" }] },
  { email: "ledelse@demo.aarhus.dk", name: "Lars Lindberg", unit: ["OFS", "Organisation og Ledelse"], roles: [{ role: "LEADERSHIP" }] },
  { email: "oekonomi@demo.aarhus.dk", name: "Ole Østergaard", unit: ["ØAD", "Økonomi"], roles: [{ role: "FINANCE" }] },
  { email: "hmu@demo.aarhus.dk", name: "Hanne Mortensen", unit: ["OFS", "HR og Arbejdsmiljø"], roles: [{ role: "HMU" }] },
  { email: "admin@demo.aarhus.dk", name: "Adam Ahmadi", unit: ["ØAD", "Digitalisering"], roles: [{ role: "ADMIN" }] },
];

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Focus areas named in the reorganisation text (Nyt MSB 2026). */
export const DEMO_FOCUS_AREAS = [
  { name: "Faglig udvikling", description: "Løfte fagligheden i opgaveløsningen, så fagligheden frisættes fra regler og unødigt bureaukrati." },
  { name: "Kvalitet i borgerkontakten", description: "Møde aarhusianerne med tillid og tjenstvillighed og gøre det nemt at få støtte eller afklaret sit ærinde." },
  { name: "Samarbejde på tværs", description: "Styrke samarbejdet på tværs af forvaltningsområderne og med byens virksomheder, foreninger og civile fællesskaber." },
  { name: "Effektive og ensartede arbejdsgange", description: "Mere effektive og ensartede arbejdsgange og færre administrative snitflader." },
  { name: "Nye digitale løsninger", description: "Brugen af nye digitale løsninger i opgaveløsningen." },
  { name: "Forebyggelse af vold og trusler", description: "Det skal være trygt at gå på arbejde i MSB: styrket indsats mod vold og trusler." },
  { name: "Nedbringelse af sygefravær", description: "Genbesøge indsatserne mod sygefravær og styrke arbejdsmiljøet." },
  { name: "Ledelseskraft", description: "Reelle vilkår for ledere og chefer på alle niveauer til at prioritere og træffe beslutninger." },
] as const;

export const DEMO_GUIDELINE_BODY = `## Formål

Den tværgående pulje på seks millioner kroner årligt supplerer forvaltningsområdernes egne midler til kompetenceudvikling. Puljen skal bruges koordineret til at sætte en fælles retning for MSB.

## Hvem kan søge

Alle enheder i MSB kan søge. Ansøgningen indstilles af forvaltningschefen for det område, enheden hører til.

## Hvad kan puljen støtte

- Kursusafgifter, materialer, transport og ophold
- Ekstern undervisning og netværk
- Aktiviteter, der involverer flere forvaltningsområder, prioriteres

Puljen dækker ikke vikardækning; den skal dækkes af arbejdspladsens egenfinansiering. Beløb angives uden moms.

## Vurdering

Ansøgninger vurderes formelt efter reglerne nedenfor og fagligt efter vurderingskriterierne. Den strategiske ledelse træffer afgørelse inden for rundens ramme og årets prioritering.`;

/** Guideline v1's eligibility rules (params as stored: øre as strings, shares in basis points). */
export const DEMO_RULES = [
  { kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: "25000000" }, note: "Højst 250.000 kr. pr. ansøgning." },
  { kind: "MIN_COFINANCING_SHARE", severity: "HARD", params: { minBasisPoints: 2000 }, note: "Arbejdspladsen betaler mindst 20 %." },
  {
    kind: "COST_CATEGORIES",
    severity: "HARD",
    params: { eligible: ["COURSE_FEE", "TRANSPORT", "ACCOMMODATION", "MATERIALS", "EXTERNAL_TEACHING", "OTHER"] },
    note: "Vikardækning dækkes ikke af puljen.",
  },
  { kind: "FOCUS_AREA_REQUIRED", severity: "HARD", params: {}, note: "" },
  { kind: "START_WITHIN_MONTHS", severity: "HARD", params: { months: 6 }, note: "Aktiviteten skal starte inden for et halvt år." },
  { kind: "ACTIVITY_IN_YEAR", severity: "SOFT", params: {}, note: "" },
  { kind: "MIN_PARTICIPANTS", severity: "SOFT", params: { min: 8 }, note: "" },
  { kind: "MIN_AREAS", severity: "SOFT", params: { min: 2 }, note: "Tværgående ansøgninger prioriteres." },
  { kind: "MAX_ROUND_SHARE_PER_AREA", severity: "HARD", params: { maxBasisPoints: 4000 }, note: "Højst 40 % af en runde til ét område." },
] as const;

export const DEMO_CRITERIA = [
  { name: "Strategisk sammenhæng", description: "Understøtter aktiviteten årets fokusområder og MSB's fælles retning?", weight: 30 },
  { name: "Effekt på tværs af områder", description: "Gavner aktiviteten flere forvaltningsområder eller samarbejdet mellem dem?", weight: 25 },
  { name: "Rækkevidde", description: "Hvor mange medarbejdere og borgere får gavn af aktiviteten?", weight: 15 },
  { name: "Omkostning pr. deltager", description: "Står udgiften i rimeligt forhold til antallet af deltagere?", weight: 15 },
  { name: "Kvalitet i opfølgningsplanen", description: "Er det tydeligt, hvordan effekten følges op?", weight: 15 },
] as const;

/** Areas, units, demo users, focus areas and guidelines v1: the same in the demo and in the test fixture. */
async function seedReferenceData(tx: Tx, passwordHash: string): Promise<ReferenceIds> {
  const areaIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  for (const [index, area] of DEMO_AREAS.entries()) {
    const created = await tx.area.create({
      data: { code: area.code, name: area.name, headName: area.headName, sortOrder: index + 1 },
    });
    areaIds.set(area.code, created.id);
    for (const unitName of area.units) {
      const unit = await tx.unit.create({ data: { areaId: created.id, name: unitName } });
      unitIds.set(`${area.code}/${unitName}`, unit.id);
    }
  }
  for (const user of DEMO_USERS) {
    await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        passwordHash,
        unitId: unitIds.get(`${user.unit[0]}/${user.unit[1]}`) ?? null,
        roles: {
          create: user.roles.map((r) => ({ role: r.role, areaId: r.areaCode ? (areaIds.get(r.areaCode) ?? null) : null })),
        },
      },
    });
  }
  const focusAreaIds = new Map<string, string>();
  for (const focusArea of DEMO_FOCUS_AREAS) {
    const created = await tx.focusArea.create({ data: { ...focusArea } });
    focusAreaIds.set(focusArea.name, created.id);
  }
  const secretariat = await tx.user.findUniqueOrThrow({ where: { email: "sekretariat@demo.aarhus.dk" } });
  const guideline = await tx.guidelineVersion.create({
    data: {
      version: 1,
      title: "Retningslinjer for den tværgående kompetencepulje",
      body: DEMO_GUIDELINE_BODY,
      status: "ADOPTED",
      // Drafted by the secretariat in May, adopted at HMU's meeting on 18.6.2026.
      createdAt: new Date("2026-05-28T09:00:00Z"),
      adoptedOn: dateOnly("2026-06-18"),
      adoptedAt: new Date("2026-06-18T12:00:00Z"),
      createdById: secretariat.id,
      rules: { create: DEMO_RULES.map((rule, index) => ({ ...rule, params: rule.params as object, sortOrder: index + 1 })) },
      criteria: { create: DEMO_CRITERIA.map((criterion, index) => ({ ...criterion, scaleMin: 0, scaleMax: 5, sortOrder: index + 1 })) },
    },
  });
  return { areaIds, focusAreaIds, guidelineVersionId: guideline.id };
}

/**
 * The fixed test fixture: the reference data, the pool years 2026 and 2027, the
 * 2026 prioritisation and two 2026 rounds, and no applications. Tests build on
 * it with their own clock, so that their dates never move.
 */
export async function seedFixtureData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const { focusAreaIds, guidelineVersionId } = await seedReferenceData(tx, passwordHash);
      const finance = await tx.user.findUniqueOrThrow({ where: { email: "oekonomi@demo.aarhus.dk" } });
      const y2026 = await tx.poolYear.create({
        data: {
          year: 2026,
          budgetOre: 600_000_000n,
          startsOn: dateOnly("2026-08-01"),
          note: "Puljen starter med den nye organisering 1. august 2026.",
          createdById: finance.id,
        },
      });
      await tx.budgetAdjustment.create({
        data: {
          poolYearId: y2026.id,
          amountOre: -350_000_000n,
          reason: "Puljen løber kun fra 1. august 2026: rammen nedskrives til 5/12 af årsrammen.",
          effectiveOn: dateOnly("2026-08-01"),
          createdById: finance.id,
        },
      });
      await tx.poolYear.create({
        data: { year: 2027, budgetOre: 600_000_000n, startsOn: dateOnly("2027-01-01"), createdById: finance.id },
      });
      const secretariat = await tx.user.findUniqueOrThrow({ where: { email: "sekretariat@demo.aarhus.dk" } });
      const leadership = await tx.user.findUniqueOrThrow({ where: { email: "ledelse@demo.aarhus.dk" } });
      const focus = (name: string) => focusAreaIds.get(name)!;
      await tx.prioritisation.create({
        data: {
          poolYearId: y2026.id,
          guidelineVersionId,
          revision: 1,
          decidedOn: dateOnly("2026-08-20"),
          note: "Første prioritering efter den nye organisering.",
          createdById: leadership.id,
          focusAreas: {
            create: [
              { focusAreaId: focus("Forebyggelse af vold og trusler"), rank: 1, weightHundredths: 150, earmarkKind: "AMOUNT", earmarkOre: 50_000_000n, earmarkHard: true },
              { focusAreaId: focus("Nye digitale løsninger"), rank: 2, weightHundredths: 125, earmarkKind: "PERCENT", earmarkBasisPoints: 1000, earmarkOre: 25_000_000n, earmarkHard: false },
              { focusAreaId: focus("Samarbejde på tværs"), rank: 3, weightHundredths: 100 },
              { focusAreaId: focus("Ledelseskraft"), rank: 4, weightHundredths: 100 },
            ],
          },
        },
      });
      await tx.round.create({
        data: {
          poolYearId: y2026.id,
          name: "Efterårsrunde 2026",
          opensAt: new Date("2026-09-01T06:00:00Z"), // 1.9.2026 kl. 8.00
          closesAt: new Date("2026-10-01T10:00:00Z"), // 1.10.2026 kl. 12.00
          endorsementDeadline: new Date("2026-10-15T10:00:00Z"),
          decisionDate: dateOnly("2026-11-05"),
          budgetShareOre: 150_000_000n,
          createdById: secretariat.id,
        },
      });
      await tx.round.create({
        data: {
          poolYearId: y2026.id,
          name: "Vinterrunde 2026",
          opensAt: new Date("2026-11-16T07:00:00Z"), // 16.11.2026 kl. 8.00
          closesAt: new Date("2026-12-11T11:00:00Z"), // 11.12.2026 kl. 12.00
          endorsementDeadline: new Date("2026-12-15T11:00:00Z"),
          decisionDate: dateOnly("2026-12-18"),
          budgetShareOre: 100_000_000n,
          createdById: secretariat.id,
        },
      });
      await tx.auditEvent.create({
        data: {
          action: "demo.seed",
          entityType: "Database",
          entityId: "fixture",
          after: {
            areas: DEMO_AREAS.length,
            users: DEMO_USERS.length,
            poolYears: [2026, 2027],
            focusAreas: DEMO_FOCUS_AREAS.length,
            guidelineVersions: [1],
            prioritisations: [2026],
            rounds: ["Efterårsrunde 2026", "Vinterrunde 2026"],
          },
        },
      });
    },
    { timeout: 60_000 },
  );
}

/** What the demo holds, for the seed's audit event and the db:seed message. */
export interface DemoSummary {
  poolYears: number[];
  rounds: string[];
  applications: number;
}

/**
 * The demo: the reference data, then pool years, priorities, rounds and
 * applications placed around `now` (prisma/demo-story.ts), so that every screen
 * has something real to show on any day. One audit event records the seeding.
 */
export async function seedDemoData(prisma: PrismaClient, now: Date = new Date()): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = await prisma.$transaction((tx) => seedReferenceData(tx, passwordHash), { timeout: 60_000 });
  await seedDemoStory(prisma, ids, now);
  const summary: DemoSummary = {
    poolYears: (await prisma.poolYear.findMany({ select: { year: true }, orderBy: { year: "asc" } })).map((y) => y.year),
    rounds: (await prisma.round.findMany({ select: { name: true }, orderBy: { opensAt: "asc" } })).map((r) => r.name),
    applications: await prisma.application.count(),
  };
  await prisma.auditEvent.create({
    data: {
      action: "demo.seed",
      entityType: "Database",
      entityId: "demo",
      after: { areas: DEMO_AREAS.length, users: DEMO_USERS.length, focusAreas: DEMO_FOCUS_AREAS.length, guidelineVersions: [1], ...summary, seededFor: now.toISOString() },
    },
  });
  return summary;
}

export async function seedDemoDataIfEmpty(prisma: PrismaClient, now: Date = new Date()): Promise<DemoSummary | null> {
  if ((await prisma.area.count()) > 0 || (await prisma.user.count()) > 0) return null;
  return seedDemoData(prisma, now);
}
