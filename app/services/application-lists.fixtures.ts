// Test data for the list and statistics tests: applications written straight
// into the database (the form and life cycle are tested elsewhere). Amounts
// have odd øre so that sums are checked to the øre.
import type { ApplicationStatus } from "~/domain/applications/status";
import { prisma } from "~/utils/db.server";

export const ROUND_AUTUMN = "Efterårsrunde 2026";
export const ROUND_WINTER = "Vinterrunde 2026";
export const ROUND_2027 = "Forårsrunde 2027";

export const FOCUS = {
  violence: "Forebyggelse af vold og trusler",
  digital: "Nye digitale løsninger",
  leadership: "Ledelseskraft",
} as const;

/** [area code, unit name] */
export const UNITS = {
  family: ["BUU", "Center for Familieindsatser"], // the demo applicant's unit
  youth: ["BUU", "Center for Unge og Uddannelse"],
  housing: ["VJH", "Center for Bo- og Dagtilbud"], // the VJH demo applicant's unit
  psychiatry: ["JUS", "Center for Socialpsykiatri"],
} as const;

export interface FixtureApplication {
  reference: string;
  unit: keyof typeof UNITS;
  round: string;
  status: ApplicationStatus;
  requestedOre: bigint;
  title: string;
  purpose: string;
  focus: (keyof typeof FOCUS)[];
  submittedAt: string | null;
  endorsementRank?: number;
}

export const FIXTURE: readonly FixtureApplication[] = [
  { reference: "2026-8001", unit: "family", round: ROUND_AUTUMN, status: "GRANTED", requestedOre: 1_234_567n, title: "Konflikthåndtering i familiearbejdet", purpose: "Kursus i deeskalering", focus: ["violence"], submittedAt: "2026-09-10T09:00:00Z" },
  { reference: "2026-8002", unit: "family", round: ROUND_WINTER, status: "SUBMITTED", requestedOre: 8_000_001n, title: "Digital journalføring", purpose: "Nye arbejdsgange", focus: ["digital", "leadership"], submittedAt: "2026-11-20T09:00:00Z" },
  { reference: "2026-8003", unit: "family", round: ROUND_WINTER, status: "DRAFT", requestedOre: 500_000n, title: "Kladde om ledelse", purpose: "Hemmelig kladde", focus: ["leadership"], submittedAt: null },
  { reference: "2026-8004", unit: "youth", round: ROUND_WINTER, status: "ENDORSED", requestedOre: 20_000_050n, title: "Ungeindsats og trivsel", purpose: "Trivsel for unge", focus: ["violence", "digital"], submittedAt: "2026-11-18T09:00:00Z" },
  { reference: "2026-8005", unit: "youth", round: ROUND_WINTER, status: "ENDORSED", requestedOre: 333_333n, title: "Netværk for ungevejledere", purpose: "Erfaringsudveksling", focus: [], submittedAt: "2026-11-19T09:00:00Z" },
  { reference: "2026-8006", unit: "housing", round: ROUND_WINTER, status: "ENDORSED", requestedOre: 1_500_000n, title: "Bostøtte med velfærdsteknologi", purpose: "Teknologi i bostøtten", focus: ["digital"], submittedAt: "2026-11-17T09:00:00Z" },
  { reference: "2026-8007", unit: "housing", round: ROUND_AUTUMN, status: "WITHDRAWN", requestedOre: 750_000n, title: "Tilbagetrukket kursus", purpose: "Blev aflyst", focus: ["violence"], submittedAt: "2026-09-12T09:00:00Z" },
  { reference: "2026-8008", unit: "psychiatry", round: ROUND_WINTER, status: "SUBMITTED", requestedOre: 999_999n, title: "Recoveryforløb i socialpsykiatrien", purpose: "Recovery og MESTRING", focus: ["leadership"], submittedAt: "2026-11-21T09:00:00Z" },
  { reference: "2026-8009", unit: "family", round: ROUND_WINTER, status: "RETURNED", requestedOre: 420_000n, title: "Trusselshåndtering", purpose: "Sikkerhed ved hjemmebesøg", focus: ["violence"], submittedAt: "2026-11-16T09:00:00Z" },
  { reference: "2027-0001", unit: "psychiatry", round: ROUND_2027, status: "SUBMITTED", requestedOre: 100n, title: "Forårskursus", purpose: "Tidligt i 2027", focus: ["digital"], submittedAt: "2027-03-02T09:00:00Z" },
];

export interface FixtureIds {
  applications: Record<string, string>;
  units: Record<keyof typeof UNITS, string>;
  areas: Record<string, string>;
  rounds: Record<string, string>;
  focus: Record<keyof typeof FOCUS, string>;
}

/** Writes the fixture (on top of the demo data) and returns the ids. */
export async function seedListFixture(): Promise<FixtureIds> {
  const areas = Object.fromEntries((await prisma.area.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  const units = {} as Record<keyof typeof UNITS, string>;
  for (const [key, [code, name]] of Object.entries(UNITS) as [keyof typeof UNITS, readonly [string, string]][]) {
    units[key] = (await prisma.unit.findFirstOrThrow({ where: { name, area: { code } }, select: { id: true } })).id;
  }
  const focus = {} as Record<keyof typeof FOCUS, string>;
  for (const [key, name] of Object.entries(FOCUS) as [keyof typeof FOCUS, string][]) {
    focus[key] = (await prisma.focusArea.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
  }
  const y2027 = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2027 }, select: { id: true } });
  await prisma.round.create({
    data: {
      poolYearId: y2027.id,
      name: ROUND_2027,
      opensAt: new Date("2027-03-01T07:00:00Z"),
      closesAt: new Date("2027-04-01T10:00:00Z"),
      endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
      decisionDate: new Date("2027-05-01T00:00:00Z"),
      budgetShareOre: 100_000_000n,
    },
  });
  const rounds = Object.fromEntries((await prisma.round.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));
  const creator = await prisma.user.findUniqueOrThrow({ where: { email: "ansoeger@demo.aarhus.dk" }, select: { id: true } });
  const applications: Record<string, string> = {};
  for (const app of FIXTURE) {
    const [code] = UNITS[app.unit];
    const created = await prisma.application.create({
      data: {
        reference: app.reference,
        roundId: rounds[app.round]!,
        unitId: units[app.unit],
        areaId: areas[code]!,
        createdById: creator.id,
        status: app.status,
        title: app.title,
        purpose: app.purpose,
        contactName: `Kontakt ${app.reference}`,
        totalCostOre: app.requestedOre,
        requestedOre: app.requestedOre,
        submittedAt: app.submittedAt ? new Date(app.submittedAt) : null,
        endorsementRank: app.endorsementRank ?? null,
        focusAreas: { create: app.focus.map((key, index) => ({ focusAreaId: focus[key], primary: index === 0 })) },
      },
      select: { id: true },
    });
    applications[app.reference] = created.id;
  }
  return { applications, units, areas, rounds, focus };
}

/** Sum of requested amounts, in bigint øre. */
export function sumOf(apps: readonly FixtureApplication[]): bigint {
  return apps.reduce((sum, a) => sum + a.requestedOre, 0n);
}
