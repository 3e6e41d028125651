// Demo data: the six areas from the reorganisation of MSB (August 2026), their
// centres/offices, one demo user per role, and the pool years 2026 and 2027.
// Names of people are fictional.
import type { PrismaClient } from "../app/generated/prisma/client";
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

/** Loads the demo data into an empty database. One audit event records it. */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const unitIds = new Map<string, string>();
      const areaIds = new Map<string, string>();
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
      await tx.auditEvent.create({
        data: {
          action: "demo.seed",
          entityType: "Database",
          entityId: "demo",
          after: { areas: DEMO_AREAS.length, users: DEMO_USERS.length, poolYears: [2026, 2027] },
        },
      });
    },
    { timeout: 60_000 },
  );
}

export async function seedDemoDataIfEmpty(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.area.count()) > 0 || (await prisma.user.count()) > 0) return false;
  await seedDemoData(prisma);
  return true;
}
