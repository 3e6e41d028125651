import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { countsTowardsRequested } from "~/domain/applications/status";
import { ROLES } from "~/domain/permissions";
import type { CellView } from "~/domain/small-cells";
import { currentPoolYear } from "~/domain/pool-years";
import { todayInDenmark } from "~/services/prioritisations.server";
import { parseApplicationListParams } from "~/utils/application-list-params";
import { listApplications } from "~/services/application-lists.server";
import { applicationStatistics } from "~/services/statistics.server";
import { prisma } from "~/utils/db.server";
import { FIXTURE, FOCUS, ROUND_2027, ROUND_AUTUMN, ROUND_WINTER, seedListFixture, sumOf, UNITS, type FixtureApplication, type FixtureIds } from "~/services/application-lists.fixtures";
import { cookieFor, demoEmail, sessionUserFor, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callLoader } from "../../../tests/route-utils";
import * as application from "./application";
import * as index from "./index";
import * as statistics from "./statistics";

type Stats = Awaited<ReturnType<typeof statistics.loader>>;

let ids: FixtureIds;
beforeEach(async () => {
  await resetToDemo();
  ids = await seedListFixture();
});

/** The figures as a reader of every application sees them (the secretariat): nothing hidden. */
async function stats(search = "", email: string = demoEmail.secretariat): Promise<Stats> {
  const result = await callLoader(statistics, `/applications/statistics${search}`, { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return result.data as Stats;
}

function render(data: unknown): string {
  const Stub = createRoutesStub([{ id: "stats", path: "/applications/statistics", Component: statistics.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: ["/applications/statistics"], hydrationData: { loaderData: { stats: data } } }));
}

const counted = (pick: (a: FixtureApplication) => boolean) => FIXTURE.filter((a) => countsTowardsRequested(a.status) && pick(a));
const yearOf = (a: FixtureApplication) => (a.round === ROUND_2027 ? 2027 : 2026);

/** The expected figures, computed here from the fixture, to the øre. */
function expectedFigures(apps: FixtureApplication[]) {
  const byArea = new Map<string, { count: number; requestedOre: bigint }>();
  const byFocus = new Map<string | null, { count: number; requestedOre: bigint }>();
  const byStatus = new Map<string, { count: number; requestedOre: bigint }>();
  const add = <K,>(map: Map<K, { count: number; requestedOre: bigint }>, key: K, a: FixtureApplication) => {
    const row = map.get(key) ?? { count: 0, requestedOre: 0n };
    map.set(key, { count: row.count + 1, requestedOre: row.requestedOre + a.requestedOre });
  };
  for (const a of apps) {
    add(byArea, UNITS[a.unit][0], a);
    add(byStatus, a.status, a);
    if (a.focus.length === 0) add(byFocus, null, a);
    for (const f of a.focus) add(byFocus, FOCUS[f], a);
  }
  return { byArea, byFocus, byStatus, total: { count: apps.length, requestedOre: sumOf(apps) } };
}

/** The amount of a group that must be shown. */
function ore(figure: CellView): bigint {
  expect(figure.hidden).toBeUndefined();
  return figure.requestedOre ?? 0n;
}

function compare(data: Stats, apps: FixtureApplication[]) {
  expect(data.smallCellsHidden).toBe(false);
  const expected = expectedFigures(apps);
  expect(data.total).toEqual(expected.total);
  for (const row of data.byArea) {
    expect({ count: row.count, requestedOre: row.requestedOre }, row.code).toEqual(expected.byArea.get(row.code) ?? { count: 0, requestedOre: 0n });
  }
  expect(data.byArea.reduce((s, r) => s + ore(r), 0n)).toBe(expected.total.requestedOre);
  expect(new Map(data.byFocusArea.map((r) => [r.name, { count: r.count, requestedOre: r.requestedOre }]))).toEqual(expected.byFocus);
  for (const row of data.byStatus) {
    expect({ count: row.count, requestedOre: row.requestedOre }, row.status).toEqual(expected.byStatus.get(row.status) ?? { count: 0, requestedOre: 0n });
  }
  expect(data.byStatus.map((r) => r.status)).not.toContain("DRAFT");
}

describe("/applications/statistics", () => {
  it("is open to every role, HMU included; HMU gets 403 on the lists and on an application", async () => {
    for (const role of ROLES) {
      const result = await callLoader(statistics, "/applications/statistics", { cookie: await cookieFor(demoEmailFor(role)) });
      expect(result.status, role).toBe(200);
    }
    expect((await callLoader(statistics, "/applications/statistics")).status).toBe(302);
    const hmu = await cookieFor(demoEmail.hmu);
    expect((await callLoader(index, "/applications", { cookie: hmu })).status).toBe(403);
    const id = ids.applications["2026-8004"]!;
    expect((await callLoader(application, `/applications/${id}`, { cookie: hmu, params: { applicationId: id } })).status).toBe(403);
  });

  it("counts and sums by area, focus area and status exactly, drafts excluded (pool year 2026)", async () => {
    const data = await stats("?year=2026");
    expect(data.filter).toEqual({ year: 2026, roundId: null });
    compare(data, counted((a) => yearOf(a) === 2026));
    expect(data.total.requestedOre).toBe(32_487_950n); // the withdrawn 7.500,00 kr. no longer counts (as in the list)
  });

  it("sums the same requested total as the application list: withdrawn applications count in neither", async () => {
    const all = await stats("?year=all");
    const secretariat = await sessionUserFor(demoEmail.secretariat);
    const list = await listApplications(secretariat, parseApplicationListParams("http://x/applications?view=all"));
    expect(FIXTURE.some((a) => a.status === "WITHDRAWN" && a.submittedAt)).toBe(true);
    expect(all.total.requestedOre).toBe(list.totalRequestedOre);
    expect(all.byStatus.map((row) => row.status)).not.toContain("WITHDRAWN");
  });

  it("filters by round, and by all years", async () => {
    const winter = await stats(`?round=${ids.rounds[ROUND_WINTER]}`);
    expect(winter.filter).toEqual({ year: 2026, roundId: ids.rounds[ROUND_WINTER] });
    compare(winter, counted((a) => a.round === ROUND_WINTER));
    const autumn = await stats(`?year=2027&round=${ids.rounds[ROUND_AUTUMN]}`);
    expect(autumn.filter.year).toBe(2026); // the round decides the year
    compare(autumn, counted((a) => a.round === ROUND_AUTUMN));
    const all = await stats("?year=all");
    compare(all, counted(() => true));
    const y2027 = await stats("?year=2027");
    compare(y2027, counted((a) => yearOf(a) === 2027));
  });

  it("opens on the current pool year in Danish time, not on the newest year with rounds", async () => {
    const years = (await prisma.poolYear.findMany({ select: { year: true } })).map((y) => y.year).sort();
    // A year with a later pool year after it: the old default would have opened on the later one.
    const year = years.find((y) => years.some((later) => later > y))!;
    const lastEvening = new Date(`${year}-12-31T22:30:00Z`); // 23.30 in Copenhagen: still `year`
    const newYearsNight = new Date(`${year}-12-31T23:30:00Z`); // 00.30 on 1 January in Copenhagen
    expect((await applicationStatistics({}, { protect: false }, lastEvening)).filter).toEqual({ year, roundId: null });
    expect((await applicationStatistics({}, { protect: false }, newYearsNight)).filter.year).toBe(year + 1);
    // A year with no pool year: the nearest earlier one.
    const gap = Math.max(...years) + 3;
    expect((await applicationStatistics({}, { protect: false }, new Date(`${gap}-06-01T12:00:00Z`))).filter.year).toBe(Math.max(...years));
  });

  it("falls back to the current pool year for bad params", async () => {
    const years = (await prisma.poolYear.findMany({ select: { year: true } })).map((y) => y.year);
    const expected = currentPoolYear(years, todayInDenmark().getUTCFullYear());
    const data = await stats("?year=abc&round=%3Cscript%3E");
    expect(data.filter).toEqual({ year: expected, roundId: null });
    expect((await stats("?year=1999")).filter.year).toBe(expected);
  });

  it("counts an application under each of its focus areas; applications without one get their own row", async () => {
    const data = await stats("?year=2026");
    const focusSum = data.byFocusArea.reduce((s, r) => s + ore(r), 0n);
    expect(focusSum).toBeGreaterThan(ore(data.total));
    expect(data.byFocusArea.find((r) => r.focusAreaId === null)).toMatchObject({ count: 1, requestedOre: 333_333n });
  });

  it("never carries application content: no titles, references, purposes, units or names", async () => {
    for (const email of [demoEmail.hmu, demoEmail.secretariat]) {
      const json = JSON.stringify(await stats("?year=all", email), (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
      for (const a of FIXTURE) {
        expect(json).not.toContain(a.title);
        expect(json).not.toContain(a.reference);
        expect(json).not.toContain(a.purpose);
        expect(json).not.toContain(`Kontakt ${a.reference}`);
        expect(json).not.toContain(UNITS[a.unit][1]);
      }
      for (const user of await prisma.user.findMany({ select: { name: true, email: true } })) {
        expect(json).not.toContain(user.name);
        expect(json).not.toContain(user.email);
      }
      for (const id of Object.values(ids.applications)) expect(json).not.toContain(id);
    }
  });

  it("renders the tables with Danish labels, the notes and totals rows", async () => {
    const data = await stats(`?round=${ids.rounds[ROUND_WINTER]}`);
    const html = render(data);
    expect(html).toContain("<h1>Tal og fordeling</h1>");
    expect(html).toContain("Kladder er ikke talt med, fordi de endnu ikke er indsendt.");
    expect(html).toContain("En ansøgning tæller med under hvert af sine fokusområder.");
    expect(html).toContain("Tallene gælder Vinterrunde 2026 (puljeår 2026).");
    expect(html).toContain("<th scope=\"row\">BUU – Børn, Unge og Uddannelse</th>");
    expect(html).toContain("<th scope=\"row\">Uden fokusområde</th>");
    expect(html).toContain("<th scope=\"row\">Indstillet</th>");
    const winter = counted((a) => a.round === ROUND_WINTER);
    expect(sumOf(winter)).toBe(31_253_383n);
    expect(html).toContain("<strong>312.533,83 kr.</strong>");
    expect(html).toContain('<label class="form-label" for="stats-year">Puljeår</label>');
    expect(html).toContain('<label class="form-label" for="stats-round">Runde</label>');
  });

  it("says so when nothing has been submitted", async () => {
    await prisma.application.updateMany({ data: { status: "DRAFT" } });
    const data = await stats("?year=all");
    expect(data.total).toEqual({ count: 0, requestedOre: 0n });
    expect(data.byFocusArea).toEqual([]);
    const html = render(data);
    expect(html).toContain("Der er ingen indsendte ansøgninger i den valgte periode.");
    expect(html).toContain("Ingen af ansøgningerne har et fokusområde endnu.");
  });
});

/** Every bigint anywhere in the loader data (amounts travel as bigint øre). */
function bigints(value: unknown, out: bigint[] = []): bigint[] {
  if (typeof value === "bigint") out.push(value);
  else if (Array.isArray(value)) for (const v of value) bigints(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) bigints(v, out);
  return out;
}

describe("/applications/statistics: small groups for HMU", () => {
  const hmuStats = async (search: string) => {
    const result = await callLoader(statistics, `/applications/statistics${search}`, { cookie: await cookieFor(demoEmail.hmu) });
    expect(result.status).toBe(200);
    return result.data as Stats;
  };

  it("shows a group of a single application as fewer than 3, and its amount nowhere in the data", async () => {
    const winter = `?round=${ids.rounds[ROUND_WINTER]}`;
    const data = await hmuStats(winter);
    expect(data.smallCellsHidden).toBe(true);
    // HMU asked for a round and gets the pool year (one level only); VJH and JUS are small there too.
    expect(data.byArea.find((r) => r.code === "VJH")).toMatchObject({ count: null, requestedOre: null, hidden: "small" });
    expect(data.byArea.find((r) => r.code === "JUS")).toMatchObject({ count: null, requestedOre: null, hidden: "small" });
    const amounts = bigints(data);
    expect(amounts).not.toContain(1_500_000n);
    expect(amounts).not.toContain(999_999n);
    // The secretariat reads every application: it sees the same groups as they are.
    const full = await stats(winter);
    expect(full.byArea.find((r) => r.code === "JUS")).toEqual(expect.objectContaining({ count: 1, requestedOre: 999_999n }));
    const html = render(data);
    expect(html).toContain("færre end 3");
    expect(html).toContain("Beløbet vises ikke");
    expect(html).toContain("grupper med færre end 3 ansøgninger uden antal og beløb");
    expect(html).not.toContain("15.000,00 kr.");
  });

  it("hides the next smallest group too when only one group is small, so the total cannot give it back", async () => {
    const housing = await prisma.unit.findUniqueOrThrow({ where: { id: ids.units.housing } });
    const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicantOtherArea } });
    for (const [i, amount] of [1_000_001n, 2_000_003n].entries()) {
      await prisma.application.create({
        data: {
          reference: `2026-870${i}`,
          roundId: ids.rounds[ROUND_WINTER]!,
          unitId: housing.id,
          areaId: housing.areaId,
          createdById: creator.id,
          status: "SUBMITTED",
          submittedAt: new Date("2026-11-22T09:00:00Z"),
          requestedOre: amount,
          totalCostOre: amount,
        },
      });
    }
    const data = await hmuStats("?year=2026");
    const full = await stats("?year=2026");
    // Every small group is hidden, and never alone: the total minus the shown groups is never one group's amount.
    for (const [i, row] of data.byArea.entries()) {
      const truth = full.byArea[i]!;
      if (truth.count! > 0 && truth.count! < 3) expect(row.hidden, row.code).toBe("small");
    }
    const hidden = data.byArea.filter((r) => r.hidden !== undefined);
    expect(hidden.length).toBeGreaterThan(0); // the fixture has small groups in 2026
    expect(hidden.length >= 2 || data.total.hidden !== undefined).toBe(true);
    // What the page lets one work out (the total minus the shown groups) is never one hidden group's own amount.
    if (data.total.requestedOre !== null) {
      const workedOut = data.total.requestedOre - data.byArea.reduce((sum, r) => sum + (r.requestedOre ?? 0n), 0n);
      const hiddenAmounts = data.byArea.flatMap((r, i) => (r.hidden ? [full.byArea[i]!.requestedOre!] : []));
      expect(hiddenAmounts).not.toContain(workedOut);
    }
    expect(render(data)).toMatch(/færre end 3|skjult/);
  });

  it("offers HMU one level only, the pool year: no round and no all-years view to subtract from it", async () => {
    // A round view beside the year's would give a hidden small group as the difference of two shown figures.
    const data = await hmuStats(`?round=${ids.rounds[ROUND_AUTUMN]}&year=all`);
    expect(data.filter.roundId).toBeNull();
    expect(typeof data.filter.year).toBe("number");
    expect(data.rounds).toEqual([]);
    const html = render(data);
    expect(html).not.toContain('id="stats-round"');
    expect(html).not.toContain('<option value="all">');
    expect(html).toContain("Tallene vises pr. puljeår, ikke pr. runde");
    // The secretariat keeps every view.
    const full = await stats(`?round=${ids.rounds[ROUND_AUTUMN]}`);
    expect(full.filter.roundId).toBe(ids.rounds[ROUND_AUTUMN]);
  });
});

