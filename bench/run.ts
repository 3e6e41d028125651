// Benchmarks: generates a large dataset (bench/generate.ts), then measures the
// functions the pages call, for realistic users, and prints figures with their
// targets. Figures, not a test: it always exits 0 once it has measured.
//
//   npm run bench [-- --applications 20000] [--runs 20] [--warmup 3] [--seed N]
//                 [--data <folder>] [--keep] [--explain] [--only <texts>]
//
//   --data <folder>  measure a PGlite folder kept by `bench/generate.ts --keep` instead of generating
//   --keep           keep the generated PGlite folder (to measure it again with --data)
//   --explain        print EXPLAIN ANALYZE of the slowest queries of every case (always done for a MISS)
//   --only a,b       measure only the cases whose name contains one of these texts
//
// Targets: list, statistics and detail p95 ≤ 300 ms at 20 000 applications on
// PGlite; screening ≥ 10 000 applications/s.
import os from "node:os";
import { parseArgs } from "node:util";
import { parseApplicationListParams, StatisticsParams } from "~/utils/application-list-params";
import type { PermissionSubject } from "~/domain/permissions";
import { can } from "~/domain/permissions";
import { screen, type ScreeningApplication, type ScreeningContext } from "~/domain/screening/engine";
import type { EligibilityRule } from "~/domain/screening/rules";
import type { Prisma } from "~/generated/prisma/client";
import { listApplications } from "~/services/application-lists.server";
import { rankingGroups } from "~/services/applications/ranking.server";
import { applicationScope, findApplicationScope } from "~/services/applications/scope.server";
import { contentFromRow } from "~/services/applications/content.server";
import { getApplicationDetail } from "~/services/applications/queries.server";
import { loadScreeningSetup, screeningApplication } from "~/services/screening.server";
import { applicationStatistics } from "~/services/statistics.server";
import { getTimeline } from "~/services/timeline.server";
import type { Database } from "~/utils/db.server";
import { parseSearchParams } from "~/utils/list-params";
import { DATA_DATE, DEFAULT_APPLICATIONS, DEFAULT_SEED, generateDataset, printGenerated } from "./generate";
import { formatCount, formatMs, positiveInt } from "./lib/args";
import { BenchRefusal, closeOnSignals, openFreshDatabase, openGeneratedFolder, type BenchDatabase } from "./lib/database";

const LATENCY_TARGET_MS = 300;
const SCREENING_TARGET_PER_S = 10_000;
const SCREENING_BATCH = 10_000;

type Target = { kind: "p95"; maxMs: number } | { kind: "throughput"; minPerSecond: number; items: number };

interface Case {
  group: "list" | "statistics" | "detail" | "screening";
  name: string;
  target: Target;
  /** One call; `i` counts the calls (a case may vary its input with it). Returns a short note about the result. */
  run(i: number): Promise<string> | string;
}

interface Figures {
  case: Case;
  runs: number;
  median: number;
  p95: number;
  max: number;
  queries: number | null;
  note: string;
  pass: boolean;
  measured: string;
}

// ---------------------------------------------------------------------------
// Statistics of timings

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

// ---------------------------------------------------------------------------
// Query capture (queries per call, EXPLAIN ANALYZE)

interface CapturedQuery {
  query: string;
  params: string;
  duration: number;
}

class QueryCapture {
  private current: CapturedQuery[] | null = null;

  constructor(database: Database) {
    // Prisma's query events: the app's client is created with them on (db.server.ts).
    const client = database.prisma as unknown as { $on(event: "query", callback: (e: Prisma.QueryEvent) => void): void };
    client.$on("query", (event) => this.current?.push({ query: event.query, params: event.params, duration: event.duration }));
  }

  async during(fn: () => Promise<unknown> | unknown): Promise<CapturedQuery[]> {
    this.current = [];
    try {
      await fn();
      return this.current;
    } finally {
      this.current = null;
    }
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

async function explain(database: Database, queries: readonly CapturedQuery[], top = 3): Promise<void> {
  const slowest = [...queries].filter((q) => /^\s*SELECT/i.test(q.query)).sort((a, b) => b.duration - a.duration).slice(0, top);
  for (const q of slowest) {
    console.log(`\n    -- ${q.duration.toFixed(1)} ms in Prisma: ${clip(q.query, 400)}`);
    let params: unknown[];
    try {
      params = JSON.parse(q.params) as unknown[];
    } catch {
      console.log(`    (parameters not readable: ${q.params.slice(0, 120)})`);
      continue;
    }
    try {
      const rows = await database.runner.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, params);
      for (const row of rows) console.log(`    ${clip(row["QUERY PLAN"], 240)}`);
    } catch (error) {
      console.log(`    (EXPLAIN failed: ${(error as Error).message})`);
    }
  }
}

// ---------------------------------------------------------------------------
// The cases

interface BenchUser extends PermissionSubject {
  email: string;
  label: string;
}

async function benchUser(database: Database, email: string, label: string): Promise<BenchUser> {
  const user = await database.prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, unitId: true, roles: { select: { role: true, areaId: true, unitId: true } } },
  });
  return { ...user, label };
}

const listUrl = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return `http://bench.local/applications?${search.toString()}`;
};

async function buildCases(database: Database): Promise<Case[]> {
  const prisma = database.prisma;
  const secretariat = await benchUser(database, "sekretariat@demo.aarhus.dk", "secretariat");
  const lead = await benchUser(database, "chef.buu@demo.aarhus.dk", "area lead BUU");
  const applicant = await benchUser(database, "ansoeger@demo.aarhus.dk", "applicant");
  const leadArea = lead.roles.find((r) => r.role === "AREA_LEAD")?.areaId ?? undefined;

  // Filter values a user would pick: the busiest decided round, the open round, a prioritised focus area.
  const rounds = await prisma.round.findMany({
    orderBy: { opensAt: "desc" },
    select: { id: true, name: true, closesAt: true, decisionDate: true, _count: { select: { applications: true } } },
  });
  const withApps = rounds.filter((r) => r._count.applications > 0);
  const decided = withApps.filter((r) => r.decisionDate < DATA_DATE).sort((a, b) => b._count.applications - a._count.applications)[0] ?? withApps[0];
  const open = withApps.find((r) => r.closesAt > DATA_DATE) ?? decided;
  const focus = await prisma.focusArea.findFirst({ where: { name: "Forebyggelse af vold og trusler" }, select: { id: true } });
  const year = decided ? (await prisma.round.findUniqueOrThrow({ where: { id: decided.id }, select: { poolYear: { select: { year: true } } } })).poolYear.year : undefined;

  const list = (user: BenchUser, name: string, params: Record<string, string | undefined>, withRanking = false): Case => ({
    group: "list",
    name: `list · ${user.label} · ${name}`,
    target: { kind: "p95", maxMs: LATENCY_TARGET_MS },
    async run() {
      const page = await listApplications(user, parseApplicationListParams(listUrl(params)));
      let note = `${formatCount(page.total)} match, page ${page.page}/${page.pages}`;
      if (withRanking && page.filter.round) {
        const groups = await rankingGroups(user, page.filter.round);
        note += `, ranking ${groups.reduce((n, g) => n + g.items.length, 0)}`;
      }
      return note;
    },
  });

  // A deep page: 90 % into the secretariat's unfiltered list, and the lead's.
  const pagesOf = async (user: BenchUser, view: string) => (await listApplications(user, parseApplicationListParams(listUrl({ view })))).pages;
  const deepAll = Math.max(1, Math.ceil((await pagesOf(secretariat, "all")) * 0.9));
  const deepArea = Math.max(1, Math.ceil((await pagesOf(lead, "area")) * 0.9));

  const amount = { min: "50.000", max: "150.000" };
  const cases: Case[] = [
    list(secretariat, "page 1, no filter", { view: "all" }),
    list(secretariat, "round + area", { view: "all", round: decided?.id, area: leadArea }),
    list(secretariat, 'free text "traume"', { view: "all", q: "traume" }),
    list(secretariat, "amount 50.000–150.000 kr.", { view: "all", ...amount }),
    list(secretariat, "focus area", { view: "all", focus: focus?.id }),
    list(secretariat, "status submitted+endorsed", { view: "all", status: "SUBMITTED,ENDORSED" }),
    list(secretariat, "sort requested desc", { view: "all", sort: "requested", dir: "desc" }),
    list(secretariat, "sort unit asc", { view: "all", sort: "unit", dir: "asc" }),
    list(secretariat, `deep page ${deepAll}`, { view: "all", page: String(deepAll) }),
    list(lead, "page 1, no filter", { view: "area" }),
    list(lead, "open round + ranking", { view: "area", round: open?.id }, true),
    list(lead, 'free text "traume"', { view: "area", q: "traume" }),
    list(lead, "sort requested desc", { view: "area", sort: "requested", dir: "desc" }),
    list(lead, `deep page ${deepArea}`, { view: "area", page: String(deepArea) }),
    list(applicant, "page 1, no filter", { view: "mine" }),
    list(applicant, 'free text "kursus"', { view: "mine", q: "kursus" }),
  ];

  const stats = (name: string, params: Record<string, string | undefined>): Case => ({
    group: "statistics",
    name: `statistics · ${name}`,
    target: { kind: "p95", maxMs: LATENCY_TARGET_MS },
    async run() {
      // As HMU reads them: small groups hidden (the heavier path).
      const result = await applicationStatistics(parseSearchParams(listUrl(params), StatisticsParams), { protect: true });
      return `${result.total.count === null ? "fewer than 3" : formatCount(result.total.count)} counted`;
    },
  });
  cases.push(
    stats("default (newest year)", {}),
    stats(`year ${year ?? "?"}`, { year: year ? String(year) : undefined }),
    stats("all years", { year: "all" }),
    stats("one round", { round: decided?.id }),
  );

  // Detail: the reads of /applications/:id's loader, over a spread of applications.
  const sample = await sampleApplications(database, 60);
  cases.push({
    group: "detail",
    name: "detail · /applications/:id reads (secretariat)",
    target: { kind: "p95", maxMs: LATENCY_TARGET_MS },
    async run(i) {
      const id = sample[i % sample.length]!;
      const found = await findApplicationScope(id);
      if (!found || !can(secretariat, "application:read", applicationScope(found))) throw new Error(`Cannot read ${id}`);
      const detail = await getApplicationDetail(found.id, "da", DATA_DATE);
      const timeline = await getTimeline(found.id, { draftHistory: false });
      return `${sample.length} applications; last: ${detail?.status ?? "?"}, ${timeline.length} events`;
    },
  });

  cases.push(await screeningCase(database));
  return cases;
}

/** Application ids spread over the whole list (every status, old and new). */
async function sampleApplications(database: Database, n: number): Promise<string[]> {
  const all = await database.prisma.application.findMany({ orderBy: { reference: "asc" }, select: { id: true } });
  const step = Math.max(1, Math.floor(all.length / n));
  return all.filter((_, i) => i % step === 0).slice(0, n).map((a) => a.id);
}

/** What the engine needs of an application, as stored. */
function readForScreening(database: Database, skip: number, take: number) {
  return database.prisma.application.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: { reference: "asc" },
    skip,
    take,
    select: {
      roundId: true,
      unitId: true,
      areaId: true,
      contactName: true,
      contactEmail: true,
      title: true,
      purpose: true,
      targetGroup: true,
      participants: true,
      activityType: true,
      startDate: true,
      endDate: true,
      coFinancingOre: true,
      expectedEffect: true,
      followUpPlan: true,
      softRuleJustification: true,
      costLines: { orderBy: { sortOrder: "asc" }, select: { category: true, description: true, amountOre: true } },
      focusAreas: { select: { focusAreaId: true, primary: true } },
      partnerAreas: { select: { areaId: true } },
    },
  });
}

/** The pure screening engine over 10 000 applications read from the generated data. */
async function screeningCase(database: Database): Promise<Case> {
  const rows: Awaited<ReturnType<typeof readForScreening>> = [];
  // In slices of 1000: Prisma reads the relations with IN lists of all the ids of a slice.
  for (let skip = 0; skip < SCREENING_BATCH; skip += 1000) {
    const slice = await readForScreening(database, skip, Math.min(1000, SCREENING_BATCH - skip));
    rows.push(...slice);
    if (slice.length < 1000) break;
  }
  const setups = new Map<string, { rules: EligibilityRule[]; context: ScreeningContext }>();
  for (const roundId of new Set(rows.map((r) => r.roundId))) setups.set(roundId, await loadScreeningSetup(database.prisma, roundId));
  const base = rows.map((row) => ({ app: screeningApplication(contentFromRow(row), row.areaId), setup: setups.get(row.roundId)! }));
  const inputs: { app: ScreeningApplication; setup: { rules: EligibilityRule[]; context: ScreeningContext } }[] = [];
  for (let i = 0; inputs.length < SCREENING_BATCH && base.length > 0; i++) inputs.push(base[i % base.length]!);
  return {
    group: "screening",
    name: `screening · screen() × ${formatCount(SCREENING_BATCH)} applications`,
    target: { kind: "throughput", minPerSecond: SCREENING_TARGET_PER_S, items: SCREENING_BATCH },
    run() {
      let failures = 0;
      let verdicts = 0;
      for (const { app, setup } of inputs) {
        for (const verdict of screen(setup.rules, app, setup.context)) {
          verdicts += 1;
          if (verdict.outcome === "fail") failures += 1;
        }
      }
      return `${formatCount(verdicts)} verdicts, ${formatCount(failures)} fail`;
    },
  };
}

// ---------------------------------------------------------------------------
// Measuring

async function measure(c: Case, runs: number, warmup: number, capture: QueryCapture): Promise<Figures> {
  let call = 0;
  let note = "";
  for (let w = 0; w < warmup; w++) note = await c.run(call++);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    note = await c.run(call++);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const max = sorted[sorted.length - 1]!;
  let queries: number | null = null;
  if (c.group !== "screening") queries = (await capture.during(() => c.run(call++))).length;
  let pass: boolean;
  let measured: string;
  if (c.target.kind === "p95") {
    pass = p95 <= c.target.maxMs;
    measured = `p95 ${ms(p95)} ms`;
  } else {
    const perSecond = c.target.items / (p95 / 1000);
    pass = perSecond >= c.target.minPerSecond;
    measured = `${formatCount(Math.round(perSecond))}/s at p95 (${formatCount(Math.round(c.target.items / (median / 1000)))}/s median)`;
  }
  return { case: c, runs, median, p95, max, queries, note, pass, measured };
}

function targetText(target: Target): string {
  return target.kind === "p95" ? `p95 ≤ ${target.maxMs} ms` : `≥ ${formatCount(target.minPerSecond)} apps/s`;
}

function printTable(figures: readonly Figures[]): void {
  const header = ["case", "runs", "median ms", "p95 ms", "max ms", "queries", "target", "measured", "result"];
  const rows = figures.map((f) => [
    f.case.name,
    String(f.runs),
    ms(f.median),
    ms(f.p95),
    ms(f.max),
    f.queries === null ? "–" : String(f.queries),
    targetText(f.case.target),
    f.measured,
    f.pass ? "PASS" : "MISS",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5]);
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (numeric.has(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  let bench: BenchDatabase | undefined;
  closeOnSignals(() => bench);
  try {
    const { values } = parseArgs({
      options: {
        applications: { type: "string" },
        runs: { type: "string" },
        warmup: { type: "string" },
        seed: { type: "string" },
        data: { type: "string" },
        keep: { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        only: { type: "string" },
      },
      strict: true,
    });
    const applications = positiveInt("applications", values.applications, DEFAULT_APPLICATIONS);
    const runs = positiveInt("runs", values.runs, 20);
    const warmup = values.warmup === "0" ? 0 : positiveInt("warmup", values.warmup, 3);
    const seed = positiveInt("seed", values.seed, DEFAULT_SEED);

    console.log(`Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    const opened = performance.now();
    if (values.data) {
      bench = await openGeneratedFolder(values.data);
      console.log(`Database: ${bench.description} (opened in ${formatMs(performance.now() - opened)})`);
    } else {
      bench = await openFreshDatabase();
      console.log(`Database: ${bench.description}; migrated in ${formatMs(performance.now() - opened)}`);
      console.log(`Generating ${formatCount(applications)} applications (seed ${seed})…`);
      printGenerated(await generateDataset(bench.database, { applications, seed, log: (line) => console.log(line) }));
    }
    const database = bench.database;
    const count = await database.prisma.application.count();
    const onPglite = database.kind === "pglite";
    console.log(`\nMeasuring on ${formatCount(count)} applications (${database.kind}): ${warmup} warm-up call(s), then ${runs} timed run(s) per case.`);
    if (count < DEFAULT_APPLICATIONS || !onPglite) {
      console.log(`(The latency targets are set for ${formatCount(DEFAULT_APPLICATIONS)} applications on PGlite.)`);
    }

    const capture = new QueryCapture(database);
    console.log(`Preparing the cases (reads ${formatCount(SCREENING_BATCH)} applications for the screening case)…`);
    const only = values.only?.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean) ?? [];
    const cases = (await buildCases(database)).filter((c) => only.length === 0 || only.some((o) => c.name.toLowerCase().includes(o)));
    if (cases.length === 0) throw new BenchRefusal(`No case matches --only ${values.only ?? ""}`);
    const figures: Figures[] = [];
    for (const c of cases) {
      const f = await measure(c, runs, warmup, capture);
      figures.push(f);
      console.log(
        `${f.pass ? "PASS" : "MISS"}  ${c.name}: median ${ms(f.median)} ms, p95 ${ms(f.p95)} ms, max ${ms(f.max)} ms` +
          `${f.queries === null ? "" : `, ${f.queries} queries/call`} — target ${targetText(c.target)} — ${f.note}`,
      );
      if (c.group !== "screening" && (values.explain || !f.pass)) {
        console.log(`  EXPLAIN ANALYZE of the slowest queries of one call:`);
        await explain(database, await capture.during(() => c.run(0)));
        console.log("");
      }
    }

    console.log(`\nResults (${formatCount(count)} applications, ${database.kind}, ${runs} runs per case after ${warmup} warm-up):\n`);
    printTable(figures);
    const missed = figures.filter((f) => !f.pass).length;
    console.log(`\n${figures.length - missed} of ${figures.length} cases meet their target${missed ? `; ${missed} MISS` : ""}.`);
    if (values.keep && bench.folder && !values.data) console.log(`Kept the database folder: ${bench.folder}`);
    await bench.close(values.keep);
    return 0;
  } catch (error) {
    await bench?.close();
    console.error(error instanceof BenchRefusal || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS") ? (error as Error).message : error);
    return 1;
  }
}

process.exit(await main());
