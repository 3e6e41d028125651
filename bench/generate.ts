// Generates a large, realistic dataset for the benchmarks in a fresh database:
// the demo data, then five pool years with about four rounds each, ~150 units
// over the six areas, ~1000 users and N applications (default 20 000) with cost
// lines, focus areas, partner areas, submitted versions (with their screening),
// comments, attachments (rows only) and the audit events of their lifecycle.
// Deterministic: the same --seed gives the same data. Fast: multi-row INSERTs
// in batches, one transaction per batch.
//
//   npx tsx bench/generate.ts [--applications 20000] [--seed 20261126] [--keep]
//
// Without DATABASE_URL the data goes into a NEW embedded PGlite folder in a
// temporary directory (never ./data), deleted at the end unless --keep is given
// (then `npm run bench -- --data <folder>` measures it again). With DATABASE_URL
// that PostgreSQL database must be empty.
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { ApplicationSnapshot } from "~/domain/applications/snapshot";
import { ACTIVITY_TYPES, submissionProblems, type ApplicationContent } from "~/domain/applications/content";
import { contentSummary } from "~/services/applications/content.server";
import { applicationReference, computeAmounts } from "~/domain/applications/amounts";
import type { ApplicationStatus } from "~/domain/applications/status";
import type { Role } from "~/domain/permissions";
import { screen, screeningSummary, type ScreeningContext } from "~/domain/screening/engine";
import { parseRule, type CostCategory, type EligibilityRule } from "~/domain/screening/rules";
import { screeningApplication, verdictsToJson } from "~/services/screening.server";
import type { Database } from "~/utils/db.server";
import { seedFixtureData } from "../prisma/seed-data";
import { formatCount, formatMs, positiveInt } from "./lib/args";
import { BenchRefusal, closeOnSignals, openFreshDatabase, type BenchDatabase } from "./lib/database";
import { Random } from "./lib/random";
import { flush, jsonText, TableRows, type SqlValue } from "./lib/sql";
import * as words from "./lib/words";

export const DEFAULT_APPLICATIONS = 20_000;
export const DEFAULT_SEED = 20_261_126;
/** "Today" in the generated data: rounds before it are decided, the one around it is open. */
export const DATA_DATE = new Date("2026-11-26T12:00:00.000Z");

const TARGET_UNITS = 150;
const TARGET_USERS = 1000;
const EXTRA_POOL_YEARS = [2023, 2024, 2025];
/** Years that get the four standard rounds (2026 has the demo's two rounds). */
const ROUND_YEARS = [2023, 2024, 2025, 2027];
/** Applications per insert batch (one transaction each). */
const BATCH = 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface GenerateOptions {
  applications: number;
  seed: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  ms: number;
  phases: { name: string; ms: number }[];
  counts: { table: string; rows: number }[];
}

// ---------------------------------------------------------------------------
// Reference data as the generator sees it

interface AreaRef {
  id: string;
  code: string;
  name: string;
  sortOrder: number;
}
interface UnitRef {
  id: string;
  areaId: string;
  name: string;
  weight: number;
}
interface UserRef {
  id: string;
  email: string;
  name: string;
}
interface RoundRef {
  id: string;
  name: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  context: ScreeningContext;
  phase: "decided" | "closed" | "open";
}

interface World {
  areas: AreaRef[];
  areaById: Map<string, AreaRef>;
  units: UnitRef[];
  focusAreas: { id: string; name: string }[];
  rules: EligibilityRule[];
  guidelineVersionId: string;
  rounds: RoundRef[];
  applicantsByUnit: Map<string, UserRef[]>;
  leadsByArea: Map<string, UserRef[]>;
  secretariat: UserRef[];
  leadership: UserRef[];
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// Organisation, pool years, rounds, prioritisations, users

async function buildWorld(database: Database, rng: Random): Promise<World> {
  const prisma = database.prisma;
  const areas = await prisma.area.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, sortOrder: true } });
  const demoUnits = await prisma.unit.findMany({ orderBy: [{ area: { sortOrder: "asc" } }, { name: "asc" }], select: { id: true, areaId: true, name: true } });
  const focusAreas = await prisma.focusArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  const guideline = await prisma.guidelineVersion.findFirstOrThrow({
    where: { status: "ADOPTED" },
    select: { id: true, rules: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, kind: true, severity: true, params: true } } },
  });
  const rules = guideline.rules.map((r) => parseRule(r)).filter((r): r is EligibilityRule => r !== null);
  const demoUsers = await prisma.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, unitId: true, passwordHash: true, roles: { select: { role: true, areaId: true } } },
  });
  const finance = demoUsers.find((u) => u.roles.some((r) => r.role === "FINANCE"));
  const secretariatDemo = demoUsers.find((u) => u.roles.some((r) => r.role === "SECRETARIAT"));
  const leadershipDemo = demoUsers.find((u) => u.roles.some((r) => r.role === "LEADERSHIP"));
  if (!finance || !secretariatDemo || !leadershipDemo) throw new Error("The demo data lacks its finance, secretariat or leadership user.");

  // Units: the demo's centres/offices plus district teams under them, ~150 in all.
  const extraUnits = TARGET_UNITS - demoUnits.length;
  const units: UnitRef[] = demoUnits.map((u) => ({ ...u, weight: 0.5 + rng.next() * 2.5 }));
  const newUnits: { id: string; areaId: string; parentId: string; name: string; costCentre: string }[] = [];
  areas.forEach((area, a) => {
    const parents = demoUnits.filter((u) => u.areaId === area.id);
    const count = Math.floor(extraUnits / areas.length) + (a < extraUnits % areas.length ? 1 : 0);
    for (let j = 0; j < count && parents.length > 0; j++) {
      const parent = parents[j % parents.length]!;
      const unit = { id: rng.id(), areaId: area.id, parentId: parent.id, name: `${parent.name}, ${words.DISTRICTS[j % words.DISTRICTS.length]}`, costCentre: `4${a + 1}${String(j + 1).padStart(3, "0")}` };
      newUnits.push(unit);
      units.push({ id: unit.id, areaId: unit.areaId, name: unit.name, weight: 0.3 + rng.next() * 2.7 });
    }
  });

  // Users: special roles first, then applicants, every unit with at least one applicant.
  const slots: { role: Role; areaIndex?: number }[] = [
    ...areas.flatMap((_, i) => [{ role: "AREA_LEAD" as const, areaIndex: i }, { role: "AREA_LEAD" as const, areaIndex: i }]),
    ...Array.from({ length: 3 }, () => ({ role: "SECRETARIAT" as const })),
    ...Array.from({ length: 6 }, () => ({ role: "LEADERSHIP" as const })),
    ...Array.from({ length: 3 }, () => ({ role: "FINANCE" as const })),
    ...Array.from({ length: 5 }, () => ({ role: "HMU" as const })),
    ...Array.from({ length: 2 }, () => ({ role: "ADMIN" as const })),
  ];
  const areaCode = (code: string) => areas.find((a) => a.code === code)?.id;
  const unitsOf = (areaId: string | undefined) => units.filter((u) => u.areaId === areaId);
  const unitWeights = units.map((u) => [u, u.weight] as const);
  const newUsers: { id: string; email: string; name: string; unitId: string; passwordHash: string | null }[] = [];
  const newRoles: { id: string; userId: string; role: Role; areaId: string | null; unitId: string | null }[] = [];
  const applicantsByUnit = new Map<string, UserRef[]>();
  const leadsByArea = new Map<string, UserRef[]>();
  const secretariat: UserRef[] = [secretariatDemo];
  const leadership: UserRef[] = [leadershipDemo];
  const addTo = <K>(map: Map<K, UserRef[]>, key: K, user: UserRef) => map.set(key, [...(map.get(key) ?? []), user]);
  for (const user of demoUsers) {
    for (const role of user.roles) {
      if (role.role === "APPLICANT" && user.unitId) addTo(applicantsByUnit, user.unitId, user);
      if (role.role === "AREA_LEAD" && role.areaId) addTo(leadsByArea, role.areaId, user);
    }
  }
  const emails = new Map<string, number>();
  const generatedCount = TARGET_USERS - demoUsers.length;
  for (let i = 0; i < generatedCount; i++) {
    const first = rng.pick(words.FIRST_NAMES);
    const last = rng.pick(words.LAST_NAMES);
    const base = `${words.ascii(first)}.${words.ascii(last)}`;
    const n = (emails.get(base) ?? 0) + 1;
    emails.set(base, n);
    const user: UserRef = { id: rng.id(), email: `${base}${n > 1 ? n : ""}@bench.aarhus.dk`, name: `${first} ${last}` };
    const slot = slots[i];
    let unit: UnitRef;
    if (slot?.role === "AREA_LEAD") unit = rng.pick(unitsOf(areas[slot.areaIndex!]!.id));
    else if (slot?.role === "SECRETARIAT" || slot?.role === "LEADERSHIP" || slot?.role === "HMU") unit = rng.pick(unitsOf(areaCode("OFS")));
    else if (slot) unit = rng.pick(unitsOf(areaCode("ØAD")));
    else unit = i - slots.length < units.length ? units[i - slots.length]! : rng.weighted(unitWeights);
    newUsers.push({ ...user, unitId: unit.id, passwordHash: secretariatDemo.passwordHash });
    const role = slot?.role ?? "APPLICANT";
    newRoles.push({ id: rng.id(), userId: user.id, role, areaId: role === "AREA_LEAD" ? unit.areaId : null, unitId: null });
    if (role === "AREA_LEAD") addTo(leadsByArea, unit.areaId, user);
    if (role === "SECRETARIAT") secretariat.push(user);
    if (role === "LEADERSHIP") leadership.push(user);
    if (role === "APPLICANT") {
      addTo(applicantsByUnit, unit.id, user);
      if (rng.chance(0.03)) {
        // Applies for a second unit in the same area too.
        const other = rng.pick(unitsOf(unit.areaId).filter((u) => u.id !== unit.id));
        newRoles.push({ id: rng.id(), userId: user.id, role: "APPLICANT", areaId: null, unitId: other.id });
        addTo(applicantsByUnit, other.id, user);
      }
    }
  }

  // Pool years 2023–2025 before the demo's 2026 and 2027; four rounds a year; a prioritisation each.
  const poolYears = new Map((await prisma.poolYear.findMany({ select: { id: true, year: true } })).map((y) => [y.year, y.id]));
  const newYears = EXTRA_POOL_YEARS.filter((year) => !poolYears.has(year)).map((year) => {
    const id = rng.id();
    poolYears.set(year, id);
    return { id, year, budgetOre: 600_000_000n, startsOn: dateOnly(`${year}-01-01`), note: "", createdById: finance.id };
  });
  const newRounds = ROUND_YEARS.flatMap((year) =>
    words.ROUND_NAMES.map((r) => ({
      id: rng.id(),
      poolYearId: poolYears.get(year)!,
      name: `${r.name} ${year}`,
      opensAt: new Date(`${year}-${r.opens}T07:00:00.000Z`),
      closesAt: new Date(`${year}-${r.closes}T11:00:00.000Z`),
      endorsementDeadline: new Date(`${year}-${r.endorse}T11:00:00.000Z`),
      decisionDate: dateOnly(`${year}-${r.decision}`),
      budgetShareOre: 150_000_000n,
      createdById: secretariatDemo.id,
    })),
  );
  const prioritised = await prisma.prioritisation.findMany({ select: { poolYearId: true } });
  const newPrioritisations = ROUND_YEARS.filter((year) => !prioritised.some((p) => p.poolYearId === poolYears.get(year))).map((year) => ({
    id: rng.id(),
    poolYearId: poolYears.get(year)!,
    guidelineVersionId: guideline.id,
    revision: 1,
    decidedOn: dateOnly(year === 2027 ? "2026-12-10" : `${year}-01-20`),
    note: "",
    createdById: leadershipDemo.id,
  }));
  const weights = [150, 125, 100, 100];
  const newPrioritised = newPrioritisations.flatMap((p) =>
    rng.sample(focusAreas, 4).map((fa, i) => ({ id: rng.id(), prioritisationId: p.id, focusAreaId: fa.id, rank: i + 1, weightHundredths: weights[i]! })),
  );

  await prisma.$transaction(
    async (tx) => {
      await tx.unit.createMany({ data: newUnits });
      await tx.user.createMany({ data: newUsers });
      await tx.userRole.createMany({ data: newRoles });
      await tx.poolYear.createMany({ data: newYears });
      await tx.round.createMany({ data: newRounds });
      await tx.prioritisation.createMany({ data: newPrioritisations });
      await tx.prioritisedFocusArea.createMany({ data: newPrioritised });
    },
    { timeout: 120_000 },
  );

  // Rounds as the generator uses them, with their screening context.
  const rounds = await prisma.round.findMany({
    orderBy: { opensAt: "asc" },
    select: {
      id: true,
      name: true,
      opensAt: true,
      closesAt: true,
      endorsementDeadline: true,
      decisionDate: true,
      poolYear: {
        select: {
          year: true,
          prioritisations: { orderBy: { revision: "desc" }, take: 1, select: { focusAreas: { orderBy: { rank: "asc" }, select: { focusAreaId: true } } } },
        },
      },
    },
  });
  return {
    areas,
    areaById: new Map(areas.map((a) => [a.id, a])),
    units,
    focusAreas,
    rules,
    guidelineVersionId: guideline.id,
    rounds: rounds.map((r) => ({
      id: r.id,
      name: r.name,
      year: r.poolYear.year,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      endorsementDeadline: r.endorsementDeadline,
      decisionDate: r.decisionDate,
      context: {
        poolYear: r.poolYear.year,
        yearFocusAreaIds: r.poolYear.prioritisations[0]?.focusAreas.map((fa) => fa.focusAreaId) ?? [],
        decisionDate: r.decisionDate,
      },
      phase: r.decisionDate.getTime() + DAY <= DATA_DATE.getTime() ? "decided" : r.closesAt > DATA_DATE ? "open" : "closed",
    })),
    applicantsByUnit,
    leadsByArea,
    secretariat,
    leadership,
  };
}

// ---------------------------------------------------------------------------
// Applications

const STATUS_WEIGHTS: Record<RoundRef["phase"], readonly (readonly [ApplicationStatus, number])[]> = {
  // Some decided rounds still hold applications postponed to a later meeting (screened/assessed).
  decided: [["GRANTED", 41], ["PARTLY_GRANTED", 15], ["REJECTED", 18], ["WITHDRAWN", 8], ["DRAFT", 6], ["RETURNED", 4], ["ASSESSED", 4], ["SCREENED", 4]],
  closed: [["SUBMITTED", 8], ["ENDORSED", 30], ["SCREENED", 25], ["ASSESSED", 22], ["RETURNED", 5], ["WITHDRAWN", 5], ["DRAFT", 5]],
  open: [["DRAFT", 40], ["SUBMITTED", 30], ["RETURNED", 8], ["ENDORSED", 17], ["WITHDRAWN", 5]],
};

const STAGE: Record<ApplicationStatus, number> = {
  DRAFT: 0,
  SUBMITTED: 1,
  RETURNED: 1,
  ENDORSED: 2,
  SCREENED: 3,
  NOT_ELIGIBLE: 3,
  ASSESSED: 4,
  GRANTED: 5,
  PARTLY_GRANTED: 5,
  REJECTED: 5,
  REPORTED: 6,
  CLOSED: 6,
  WITHDRAWN: 0,
};

interface Tables {
  applications: TableRows;
  costLines: TableRows;
  focusAreas: TableRows;
  partnerAreas: TableRows;
  versions: TableRows;
  comments: TableRows;
  attachments: TableRows;
  audit: TableRows;
}

function createTables(): Tables {
  return {
    applications: new TableRows("Application", [
      "id", "reference", "roundId", "unitId", "areaId", "createdById", "status", "contactName", "contactEmail", "title",
      "purpose", "targetGroup", "participants", "activityType", "startDate", "endDate", "totalCostOre", "coFinancingOre",
      "requestedOre", "expectedEffect", "followUpPlan", "softRuleJustification", "versionNo", "endorsementRank",
      "endorsedAt", "endorsedById", "submittedAt", "withdrawnAt", "createdAt", "updatedAt",
    ]),
    costLines: new TableRows("ApplicationCostLine", ["id", "applicationId", "category", "description", "amountOre", "sortOrder"]),
    focusAreas: new TableRows("ApplicationFocusArea", ["applicationId", "focusAreaId", "primary"]),
    partnerAreas: new TableRows("ApplicationPartnerArea", ["applicationId", "areaId"]),
    versions: new TableRows("ApplicationVersion", ["id", "applicationId", "versionNo", "content", "screening", "guidelineVersionId", "submittedAt", "submittedById"]),
    comments: new TableRows("ApplicationComment", ["id", "applicationId", "authorId", "kind", "body", "createdAt"]),
    attachments: new TableRows("Attachment", ["id", "applicationId", "fileName", "mimeType", "sizeBytes", "sha256", "storageKey", "uploadedById", "createdAt", "removedAt"]),
    audit: new TableRows("AuditEvent", ["at", "actorId", "action", "entityType", "entityId", "before", "after", "requestId"]),
  };
}

/** Parents before children, so foreign keys hold inside each batch. */
const tableOrder = (t: Tables) => [t.applications, t.costLines, t.focusAreas, t.partnerAreas, t.versions, t.comments, t.attachments, t.audit];

class ApplicationFactory {
  private readonly sequence = new Map<number, number>();
  private readonly ranks = new Map<string, number>();
  private readonly unitWeights: (readonly [UnitRef, number])[];
  /** Submitted content that still failed a hard rule after the retries (should stay 0). */
  hardFailures = 0;

  constructor(
    private readonly world: World,
    private readonly rng: Random,
    private readonly tables: Tables,
  ) {
    this.unitWeights = world.units.map((u) => [u, u.weight] as const);
  }

  private audit(at: Date, actor: UserRef | null, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    this.tables.audit.add([at, actor?.id ?? null, action, entityType, entityId, before === null ? null : { json: before }, after === null ? null : { json: after }, this.rng.hex(16)]);
  }

  /** Cost lines and co-financing; a submitted application passes the hard rules (max amount, co-financing share, categories). */
  private amounts(submitted: boolean) {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const n = rng.weighted([[1, 15], [2, 25], [3, 25], [4, 18], [5, 10], [6, 7]] as const);
      const lines: { category: CostCategory; description: string; amountOre: bigint }[] = [];
      for (let i = 0; i < n; i++) {
        const category = rng.weighted(words.COST_WEIGHTS);
        const [min, max] = words.COST_RANGES[category];
        const kroner = rng.int(min, max);
        const style = rng.weighted([["round", 70], ["kroner", 20], ["ore", 10]] as const);
        const amountOre =
          style === "round" ? BigInt(Math.max(50, Math.round(kroner / 50) * 50)) * 100n : BigInt(kroner) * 100n + (style === "ore" ? BigInt(rng.int(1, 99)) : 0n);
        lines.push({ category, description: rng.pick(words.COST_DESCRIPTIONS[category]), amountOre });
      }
      const total = lines.reduce((sum, l) => sum + l.amountOre, 0n);
      const substitute = lines.filter((l) => l.category === "SUBSTITUTE_COVER").reduce((sum, l) => sum + l.amountOre, 0n);
      const basisPoints = submitted || rng.chance(0.85) ? rng.int(2100, 6000) : rng.int(0, 1999);
      let coFinancing = ((total * BigInt(basisPoints)) / 10_000n / 100n) * 100n; // whole kroner
      if (submitted) {
        if (coFinancing * 10_000n < 2_000n * total) coFinancing = (total * 2_000n + 9_999n) / 10_000n;
        if (coFinancing < substitute) coFinancing = substitute;
        // Nobody applies for (almost) nothing: retry when co-financing covers nearly everything.
        if (total - coFinancing < 100_000n && attempt < 20) continue;
        if (total - coFinancing > 25_000_000n) {
          if (attempt < 5) continue;
          coFinancing = total - 25_000_000n; // at most 250.000 kr. requested
        }
      }
      return { lines, coFinancing };
    }
  }

  private content(round: RoundRef, unit: UnitRef, creator: UserRef, submitted: boolean): ApplicationContent {
    const rng = this.rng;
    const topic = rng.pick(words.TOPICS);
    const complete = submitted || rng.chance(0.7);
    const fill = (sentences: readonly string[], min: number, max: number) =>
      rng.sample(sentences, rng.int(min, max)).map((s) => s.replace("{topic}", topic)).join(" ");
    const { lines, coFinancing } = this.amounts(submitted);
    const yearFocus = round.context.yearFocusAreaIds;
    const focusCount = rng.weighted([[1, 45], [2, 35], [3, 20]] as const);
    const focus: string[] = [];
    if (yearFocus.length > 0 && (submitted || rng.chance(0.9))) focus.push(rng.pick(yearFocus));
    while (focus.length < focusCount) {
      const pool = rng.chance(0.7) && yearFocus.length > 0 ? yearFocus : this.world.focusAreas.map((f) => f.id);
      const id = rng.pick(pool);
      if (!focus.includes(id)) focus.push(id);
    }
    const partnerCount = rng.weighted([[0, 60], [1, 28], [2, 10], [3, 2]] as const);
    const partners = rng.sample(this.world.areas.filter((a) => a.id !== unit.areaId), partnerCount).map((a) => a.id);
    const participants = rng.weighted([[rng.int(1, 7), 15], [rng.int(8, 30), 60], [rng.int(31, 120), 25]] as const);
    const start = new Date(round.decisionDate.getTime() + rng.int(3, 150) * DAY);
    const end = new Date(start.getTime() + rng.int(0, 120) * DAY);
    return {
      unitId: null,
      contactName: creator.name,
      contactEmail: creator.email,
      title: `${rng.pick(words.TITLE_FORMS)} ${topic} ${rng.pick(words.AUDIENCES)}`,
      purpose: complete || rng.chance(0.7) ? fill(words.PURPOSE_SENTENCES, 2, 4) : "",
      targetGroup: rng.pick(words.TARGET_GROUPS),
      participants: complete ? participants : null,
      activityType: rng.pick(ACTIVITY_TYPES),
      startDate: complete ? start : null,
      endDate: complete ? end : null,
      costLines: lines,
      coFinancingOre: coFinancing,
      focusAreaIds: focus,
      primaryFocusAreaId: focus[0] ?? null,
      partnerAreaIds: partners,
      expectedEffect: complete ? fill(words.EFFECT_SENTENCES, 1, 2) : "",
      followUpPlan: complete ? fill(words.FOLLOW_UP_SENTENCES, 1, 2) : "",
      softRuleJustification: "",
    };
  }

  /** Content a submission accepts: complete, no hard failure, warnings justified. */
  private submittableContent(round: RoundRef, unit: UnitRef, creator: UserRef) {
    for (let attempt = 0; ; attempt++) {
      const content = this.content(round, unit, creator, true);
      const verdicts = screen(this.world.rules, screeningApplication(content, unit.areaId), round.context);
      const summary = screeningSummary(verdicts);
      if ((summary.blocked || submissionProblems(content).length > 0) && attempt < 10) continue;
      if (summary.blocked) this.hardFailures++;
      if (summary.warnings > 0) content.softRuleJustification = this.rng.pick(words.JUSTIFICATIONS);
      return { content, verdicts, summary };
    }
  }

  /** One application with its children and audit trail. `createdAt` lies inside the round's window. */
  add(round: RoundRef, createdAt: Date): ApplicationStatus {
    const { rng, world, tables } = this;
    const status = rng.weighted(STATUS_WEIGHTS[round.phase]);
    const withdrawnFrom = status === "WITHDRAWN" ? rng.weighted([[0, 30], [1, 40], [2, 30]] as const) : null;
    const stage = withdrawnFrom ?? STAGE[status];
    const submitted = stage >= 1;
    const unit = rng.weighted(this.unitWeights);
    const area = world.areaById.get(unit.areaId)!;
    const creator = rng.pick(world.applicantsByUnit.get(unit.id) ?? [...world.applicantsByUnit.values()].flat());
    const lead = rng.pick(world.leadsByArea.get(unit.areaId) ?? world.secretariat);
    const id = rng.id();
    const year = round.year;
    const sequence = (this.sequence.get(year) ?? 0) + 1;
    this.sequence.set(year, sequence);
    const reference = applicationReference(year, sequence);
    const screened = submitted ? this.submittableContent(round, unit, creator) : null;
    const content = screened?.content ?? this.content(round, unit, creator, false);
    const amounts = computeAmounts(content.costLines.map((l) => ({ amountOre: l.amountOre ?? 0n })), content.coFinancingOre);

    // The clock: events in order, capped at the round's deadlines and the data date
    // (an event pushed past a cap by the one-minute minimum step lands minutes after it).
    let t = createdAt.getTime();
    const horizon = Math.min(round.closesAt.getTime(), DATA_DATE.getTime());
    const step = (min: number, max: number, cap = DATA_DATE.getTime()) => {
      t = Math.max(t + MINUTE, Math.min(t + rng.int(min, max), cap));
      return new Date(t);
    };
    const summary = contentSummary(content, amounts);
    const empty = { unitId: unit.id, title: "", participants: null, costLines: 0, totalCostOre: 0n, coFinancingOre: 0n, requestedOre: 0n };

    this.audit(createdAt, creator, "application.create", "Application", id, null, { reference, status: "DRAFT", roundId: round.id, unitId: unit.id, areaId: unit.areaId });
    const saves = rng.int(1, 3);
    for (let s = 0; s < saves; s++) {
      const at = step(5 * MINUTE, 2 * DAY, horizon);
      this.audit(at, creator, "application.saveDraft", "Application", id, s === 0 ? empty : { ...summary, unitId: unit.id }, { ...summary, unitId: unit.id, areaId: unit.areaId });
    }

    // Attachments (rows only: the benchmark reads no files).
    const attachments: ApplicationSnapshot["attachments"] = [];
    if (rng.chance(submitted ? 0.3 : 0.1)) {
      for (const file of rng.sample(words.ATTACHMENT_FILES, rng.int(1, 2))) {
        const attachment = { id: rng.id(), fileName: file.fileName, mimeType: file.mimeType, sizeBytes: rng.int(20_000, 2_000_000), sha256: rng.hex(64) };
        const at = step(MINUTE, DAY, horizon);
        tables.attachments.add([attachment.id, id, attachment.fileName, attachment.mimeType, attachment.sizeBytes, attachment.sha256, `bench/${rng.hex(32)}`, creator.id, at, null]);
        this.audit(at, creator, "attachment.add", "Attachment", attachment.id, null, { applicationId: id, reference, ...attachment });
        attachments.push(attachment);
      }
    }

    const snapshot: ApplicationSnapshot = {
      reference,
      round: { id: round.id, name: round.name },
      unit: { id: unit.id, name: unit.name },
      area: { id: area.id, code: area.code, name: area.name },
      contactName: content.contactName,
      contactEmail: content.contactEmail,
      title: content.title,
      purpose: content.purpose,
      targetGroup: content.targetGroup,
      participants: content.participants,
      activityType: content.activityType,
      startDate: content.startDate ? isoDate(content.startDate) : null,
      endDate: content.endDate ? isoDate(content.endDate) : null,
      costLines: content.costLines.map((l) => ({ category: l.category ?? "", description: l.description, amountOre: (l.amountOre ?? 0n).toString() })),
      totalCostOre: amounts.totalCostOre.toString(),
      coFinancingOre: amounts.coFinancingOre.toString(),
      requestedOre: amounts.requestedOre.toString(),
      focusAreas: content.focusAreaIds
        .map((fid) => ({ id: fid, name: world.focusAreas.find((f) => f.id === fid)?.name ?? "", primary: fid === content.primaryFocusAreaId }))
        .sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name, "da")),
      partnerAreas: content.partnerAreaIds
        .map((aid) => world.areaById.get(aid)!)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map(({ id: areaId, code, name }) => ({ id: areaId, code, name })),
      expectedEffect: content.expectedEffect,
      followUpPlan: content.followUpPlan,
      softRuleJustification: content.softRuleJustification,
      attachments,
    };

    let versionNo = 0;
    let submittedAt: Date | null = null;
    const submit = () => {
      const at = step(HOUR, 5 * DAY, horizon);
      const before = { status: versionNo === 0 ? "DRAFT" : "RETURNED", versionNo };
      versionNo += 1;
      submittedAt = at;
      tables.versions.add([rng.id(), id, versionNo, { json: snapshot }, { json: verdictsToJson(screened!.verdicts) }, world.guidelineVersionId, at, creator.id]);
      this.audit(at, creator, "application.submit", "Application", id, before, {
        status: "SUBMITTED",
        versionNo,
        submittedAt: at.toISOString(),
        ...amounts,
        guidelineVersionId: world.guidelineVersionId,
        screening: { failures: screened!.summary.failures, warnings: screened!.summary.warnings },
      });
    };
    const giveBack = () => {
      const at = step(DAY, 5 * DAY, Math.min(round.endorsementDeadline.getTime(), DATA_DATE.getTime()));
      const comment = rng.pick(words.RETURN_COMMENTS);
      tables.comments.add([rng.id(), id, lead.id, "RETURN", comment, at]);
      this.audit(at, lead, "application.return", "Application", id, { status: "SUBMITTED", endorsedAt: null, endorsementRank: null }, { status: "RETURNED", comment });
    };

    let endorsedAt: Date | null = null;
    let rank: number | null = null;
    let withdrawnAt: Date | null = null;
    if (submitted) {
      submit();
      const finalReturn = status === "RETURNED";
      if (finalReturn) giveBack();
      else if (rng.chance(0.08)) {
        // Returned once, changed and submitted again: two versions.
        giveBack();
        this.audit(step(HOUR, 2 * DAY, horizon), creator, "application.saveDraft", "Application", id, { ...summary, unitId: unit.id }, { ...summary, unitId: unit.id, areaId: unit.areaId });
        submit();
      }
      if (stage >= 2) {
        endorsedAt = step(DAY, 10 * DAY, Math.min(round.endorsementDeadline.getTime(), DATA_DATE.getTime()));
        const key = `${round.id}|${area.id}`;
        if (rng.chance(0.8)) {
          rank = (this.ranks.get(key) ?? 0) + 1;
          this.ranks.set(key, rank);
        }
        const comment = rng.chance(0.5) ? rng.pick(words.ENDORSE_COMMENTS) : "";
        if (comment) tables.comments.add([rng.id(), id, lead.id, "ENDORSE", comment, endorsedAt]);
        this.audit(endorsedAt, lead, "application.endorse", "Application", id, { status: "SUBMITTED" }, {
          status: "ENDORSED",
          endorsedAt: endorsedAt.toISOString(),
          endorsementRank: rank,
          comment: comment || null,
        });
      }
      const decision = round.decisionDate.getTime();
      if (stage >= 3) {
        t = Math.max(t, round.endorsementDeadline.getTime());
        this.audit(step(DAY, 4 * DAY, Math.min(decision - DAY, DATA_DATE.getTime())), rng.pick(world.secretariat), "application.screen", "Application", id, { status: "ENDORSED" }, { status: "SCREENED" });
      }
      if (stage >= 4) {
        this.audit(step(DAY, 7 * DAY, Math.min(decision - 12 * HOUR, DATA_DATE.getTime())), rng.pick(world.secretariat), "application.assess", "Application", id, { status: "SCREENED" }, { status: "ASSESSED", score: rng.int(150, 500) / 100 });
      }
      if (stage >= 5) {
        t = Math.max(t, decision + 12 * HOUR);
        const outcome = status === "GRANTED" ? "GRANT" : status === "PARTLY_GRANTED" ? "PARTIAL" : "REJECT";
        const grantedOre = outcome === "GRANT" ? amounts.requestedOre : outcome === "PARTIAL" ? (amounts.requestedOre * BigInt(rng.int(40, 90))) / 100n : 0n;
        this.audit(step(HOUR, 2 * HOUR), rng.pick(world.leadership), "application.decide", "Application", id, { status: "ASSESSED" }, { status, outcome, grantedOre });
      }
    }
    if (status === "WITHDRAWN") {
      withdrawnAt = step(HOUR, 10 * DAY);
      const from: ApplicationStatus = stage === 0 ? "DRAFT" : stage === 1 ? "SUBMITTED" : "ENDORSED";
      this.audit(withdrawnAt, creator, "application.withdraw", "Application", id, { status: from }, { status: "WITHDRAWN", withdrawnAt: withdrawnAt.toISOString(), notified: stage === 0 ? 0 : stage === 1 ? 2 : 5 });
    }

    const date = (d: Date | null): SqlValue => (d ? { date: isoDate(d) } : null);
    tables.applications.add([
      id, reference, round.id, unit.id, unit.areaId, creator.id, status, content.contactName, content.contactEmail, content.title,
      content.purpose, content.targetGroup, content.participants, content.activityType ?? "", date(content.startDate), date(content.endDate),
      amounts.totalCostOre, amounts.coFinancingOre, amounts.requestedOre, content.expectedEffect, content.followUpPlan,
      content.softRuleJustification, versionNo, rank, endorsedAt, endorsedAt ? lead.id : null, submittedAt, withdrawnAt, createdAt, new Date(t),
    ]);
    content.costLines.forEach((line, index) => {
      tables.costLines.add([rng.id(), id, line.category ?? "", line.description, line.amountOre ?? 0n, index + 1]);
    });
    for (const focusAreaId of content.focusAreaIds) tables.focusAreas.add([id, focusAreaId, focusAreaId === content.primaryFocusAreaId]);
    for (const partnerId of content.partnerAreaIds) tables.partnerAreas.add([id, partnerId]);
    return status;
  }
}

/** n split over the weights, whole numbers, summing to n (largest remainders). */
function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (n * w) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = n - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]! += 1;
  return counts;
}

const COUNTED_TABLES = [
  "Area", "Unit", "User", "UserRole", "PoolYear", "Prioritisation", "PrioritisedFocusArea", "FocusArea", "Round",
  "Application", "ApplicationCostLine", "ApplicationFocusArea", "ApplicationPartnerArea", "ApplicationVersion",
  "ApplicationComment", "Attachment", "AuditEvent",
] as const;

/** Fills an empty, migrated database. */
export async function generateDataset(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => undefined);
  const rng = new Random(options.seed);
  const phases: GenerateResult["phases"] = [];
  const started = performance.now();
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, ms: now - mark });
    mark = now;
  };

  await seedFixtureData(database.prisma);
  phase("demo data");
  const world = await buildWorld(database, rng);
  phase("organisation, users, pool years, rounds");

  const rounds = world.rounds.filter((r) => r.opensAt < DATA_DATE);
  const perRound = apportion(options.applications, rounds.map((r) => (r.phase === "open" ? 0.6 : 1)));
  const tables = createTables();
  const factory = new ApplicationFactory(world, rng, tables);
  const statuses = new Map<ApplicationStatus, number>();
  let done = 0;
  let lastLog = performance.now();
  for (const [index, round] of rounds.entries()) {
    const horizon = Math.min(round.closesAt.getTime(), DATA_DATE.getTime());
    const window = (horizon - round.opensAt.getTime()) * 0.8;
    const times = Array.from({ length: perRound[index]! }, () => round.opensAt.getTime() + Math.floor(rng.next() * window)).sort((a, b) => a - b);
    for (const time of times) {
      const status = factory.add(round, new Date(time));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      done += 1;
      if (tables.applications.pending >= BATCH) await flush(database.runner, tableOrder(tables));
      if (performance.now() - lastLog > 5_000) {
        log(`  … ${formatCount(done)} of ${formatCount(options.applications)} applications`);
        lastLog = performance.now();
      }
    }
  }
  await flush(database.runner, tableOrder(tables));
  if (factory.hardFailures > 0) log(`  note: ${factory.hardFailures} submitted application(s) fail a hard rule`);
  phase(`applications (${[...statuses].map(([s, n]) => `${s} ${n}`).join(", ")})`);

  // What autovacuum does on a server that has run a while: planner statistics.
  await database.runner.exec("ANALYZE;");
  phase("ANALYZE");

  const counts: GenerateResult["counts"] = [];
  for (const table of COUNTED_TABLES) {
    const [row] = await database.runner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts.push({ table, rows: Number(row?.n ?? 0) });
  }
  await database.prisma.auditEvent.create({
    data: {
      action: "bench.generate",
      entityType: "Database",
      entityId: "bench",
      after: JSON.parse(jsonText({ seed: options.seed, applications: options.applications, dataDate: DATA_DATE.toISOString(), counts })) as object,
    },
  });
  return { ms: performance.now() - started, phases, counts };
}

export function printGenerated(result: GenerateResult): void {
  console.log(`Generated in ${formatMs(result.ms)}:`);
  for (const p of result.phases) console.log(`  ${formatMs(p.ms).padStart(8)}  ${p.name}`);
  console.log("Rows:");
  const width = Math.max(...result.counts.map((c) => c.table.length));
  for (const c of result.counts) console.log(`  ${c.table.padEnd(width)}  ${formatCount(c.rows).padStart(9)}`);
}

// ---------------------------------------------------------------------------
// Command line

async function main(): Promise<number> {
  let bench: BenchDatabase | undefined;
  closeOnSignals(() => bench);
  try {
    const { values } = parseArgs({
      options: { applications: { type: "string" }, seed: { type: "string" }, keep: { type: "boolean", default: false } },
      strict: true,
    });
    const applications = positiveInt("applications", values.applications, DEFAULT_APPLICATIONS);
    const seed = positiveInt("seed", values.seed, DEFAULT_SEED);
    const opened = performance.now();
    bench = await openFreshDatabase();
    console.log(`Database: ${bench.description}; migrated in ${formatMs(performance.now() - opened)}`);
    console.log(`Generating ${formatCount(applications)} applications (seed ${seed}, data date ${isoDate(DATA_DATE)})…`);
    const result = await generateDataset(bench.database, { applications, seed, log: (line) => console.log(line) });
    printGenerated(result);
    if (values.keep && bench.folder) {
      console.log(`Kept the database folder: ${bench.folder}\nMeasure it with: npm run bench -- --data ${bench.folder}`);
    }
    await bench.close(values.keep);
    return 0;
  } catch (error) {
    await bench?.close();
    console.error(error instanceof BenchRefusal || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS") ? (error as Error).message : error);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) process.exit(await main());
