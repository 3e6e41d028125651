import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/applications/status";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/list-params";
import { FIXTURE, ROUND_WINTER, seedListFixture, sumOf, UNITS, type FixtureApplication, type FixtureIds } from "~/services/application-lists.fixtures";
import { listApplications, listWhere } from "~/services/application-lists.server";
import { rankApplications } from "~/services/applications/ranking.server";
import { parseApplicationListParams } from "~/utils/application-list-params";
import { FieldError, PermissionError, ProblemsError } from "~/services/mutation.server";
import { translate } from "~/i18n";
import { formatErrorVars } from "~/utils/action.server";
import { actorFor, auditCount, cookieFor, demoEmail, resetToDemo, sessionUserFor } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors } from "../../../tests/route-utils";
import * as index from "./index";

type PageData = Awaited<ReturnType<typeof index.loader>>;

let ids: FixtureIds;
beforeEach(async () => {
  await resetToDemo();
  ids = await seedListFixture();
});

async function list(email: string, search = ""): Promise<PageData> {
  const result = await callLoader(index, `/applications${search}`, { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return result.data as PageData;
}

const refs = (data: PageData) => data.rows.map((r) => r.reference);
/** What the list's total requested counts: every match except drafts and withdrawn applications. */
const counted = (apps: readonly FixtureApplication[]) => apps.filter((a) => a.status !== "DRAFT" && a.status !== "WITHDRAWN");
const totalOf = (apps: readonly FixtureApplication[]) => sumOf(counted(apps));
const sorted = (values: string[]) => [...values].sort();
const fixtureRefs = (pick: (a: FixtureApplication) => boolean) => FIXTURE.filter(pick).map((a) => a.reference);
/** What readers outside the applying unit see: never a draft (the fixture's withdrawn one was submitted first). */
const SHARED = FIXTURE.filter((a) => a.status !== "DRAFT");
const sharedRefs = (pick: (a: FixtureApplication) => boolean) => SHARED.filter(pick).map((a) => a.reference);
const areaOf = (a: FixtureApplication) => UNITS[a.unit][0];

function render(data: unknown, path = "/applications"): string {
  const Stub = createRoutesStub([{ id: "applications", path: "/applications", Component: index.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { applications: data } } }));
}

describe("/applications: scope and views", () => {
  it("shows an applicant the applications of their own unit by default", async () => {
    const data = await list(demoEmail.applicant);
    expect(data.view).toBe("mine");
    expect(data.views).toEqual(["mine"]);
    expect(sorted(refs(data))).toEqual(sorted(fixtureRefs((a) => a.unit === "family")));
    expect(data.canCreate).toBe(true);
  });

  it("never shows an applicant anything outside their unit, whatever the URL says", async () => {
    const search = `?view=all&area=${ids.areas.VJH}&unit=${ids.units.housing}&q=&status=ENDORSED,SUBMITTED,WITHDRAWN`;
    const data = await list(demoEmail.applicant, search);
    expect(data.view).toBe("mine");
    expect(data.filter.area).toBeUndefined();
    expect(data.filter.unit).toBeUndefined();
    expect(sorted(refs(data))).toEqual(["2026-8002"]);
    // Even with the view and the area forced past the URL handling, the scope holds.
    const applicant = await sessionUserFor(demoEmail.applicant);
    const forced = listWhere(applicant, "all", { areaId: ids.areas.VJH, statuses: [], minOre: null, maxOre: null });
    expect(await prisma.application.count({ where: forced })).toBe(0);
    const everything = listWhere(applicant, "all", { statuses: [], minOre: null, maxOre: null });
    const seen = await prisma.application.findMany({ where: everything, select: { unitId: true } });
    expect(seen.length).toBe(fixtureRefs((a) => a.unit === "family").length);
    expect(new Set(seen.map((s) => s.unitId))).toEqual(new Set([ids.units.family]));
  });

  it("shows the VJH applicant only their unit", async () => {
    const data = await list(demoEmail.applicantOtherArea, "?view=all");
    expect(sorted(refs(data))).toEqual(sorted(fixtureRefs((a) => a.unit === "housing")));
  });

  it("shows an area lead their area's applications, and nothing else even when asked", async () => {
    const own = await list(demoEmail.areaLead);
    expect(own.view).toBe("area");
    expect(sorted(refs(own))).toEqual(sorted(sharedRefs((a) => areaOf(a) === "BUU")));
    const tampered = await list(demoEmail.areaLead, `?view=all&area=${ids.areas.VJH}`);
    expect(tampered.view).toBe("area");
    expect(sorted(refs(tampered))).toEqual(sorted(sharedRefs((a) => areaOf(a) === "BUU")));
    const other = await list(demoEmail.areaLeadOtherArea, "?view=mine");
    expect(sorted(refs(other))).toEqual(sorted(sharedRefs((a) => areaOf(a) === "VJH")));
    expect(own.canCreate).toBe(false);
  });

  it("shows the secretariat, leadership and finance all applications", async () => {
    for (const email of [demoEmail.secretariat, demoEmail.leadership, demoEmail.finance]) {
      const data = await list(email, "?view=mine");
      expect(data.view, email).toBe("all");
      expect(data.views, email).toEqual(["all"]);
      expect(sorted(refs(data)), email).toEqual(sorted(SHARED.map((a) => a.reference)));
      expect(data.total, email).toBe(SHARED.length);
      expect(data.totalRequestedOre, email).toBe(totalOf(FIXTURE));
      expect(data.canCreate, email).toBe(false);
    }
  });

  it("refuses HMU and admin (403) and sends anonymous visitors to log in", async () => {
    for (const email of [demoEmail.hmu, demoEmail.admin]) {
      expect((await callLoader(index, "/applications", { cookie: await cookieFor(email) })).status, email).toBe(403);
    }
    expect((await callLoader(index, "/applications")).status).toBe(302);
  });
});

describe("/applications: filters", () => {
  const cases: [string, (ids: FixtureIds) => string, (a: FixtureApplication) => boolean][] = [
    ["round", (i) => `?round=${i.rounds[ROUND_WINTER]}`, (a) => a.round === ROUND_WINTER],
    ["area", (i) => `?area=${i.areas.VJH}`, (a) => areaOf(a) === "VJH"],
    ["unit", (i) => `?unit=${i.units.youth}`, (a) => a.unit === "youth"],
    ["focus area (any of the application's)", (i) => `?focus=${i.focus.digital}`, (a) => a.focus.includes("digital")],
    ["one status", () => "?status=SUBMITTED", (a) => a.status === "SUBMITTED"],
    ["several statuses (checkboxes)", () => "?status=SUBMITTED&status=ENDORSED", (a) => a.status === "SUBMITTED" || a.status === "ENDORSED"],
    ["several statuses (comma)", () => "?status=DRAFT,RETURNED", (a) => a.status === "DRAFT" || a.status === "RETURNED"],
    ["minimum amount", () => `?min=${encodeURIComponent("80.000,01")}`, (a) => a.requestedOre >= 8_000_001n],
    ["maximum amount", () => "?max=5.000", (a) => a.requestedOre <= 500_000n],
    ["amount range", () => `?min=3.333,33&max=${encodeURIComponent("9.999,99 kr.")}`, (a) => a.requestedOre >= 333_333n && a.requestedOre <= 999_999n],
    ["free text in the purpose, any case", () => "?q=mestring", (a) => a.reference === "2026-8008"],
    ["free text in the title", () => "?q=DIGITAL", (a) => a.title.toLowerCase().includes("digital")],
    ["free text in the reference", () => "?q=2026-8004", (a) => a.reference === "2026-8004"],
    ["free text in the unit name", () => "?q=familieindsatser", (a) => a.unit === "family"],
    ["everything together", (i) => `?round=${i.rounds[ROUND_WINTER]}&area=${i.areas.BUU}&status=ENDORSED&min=1000`, (a) => a.round === ROUND_WINTER && areaOf(a) === "BUU" && a.status === "ENDORSED"],
  ];
  for (const [name, search, pick] of cases) {
    it(`filters by ${name}, and totals exactly the matches`, async () => {
      const data = await list(demoEmail.secretariat, search(ids));
      const expected = SHARED.filter(pick);
      expect(expected.length).toBeGreaterThan(0);
      expect(sorted(refs(data))).toEqual(sorted(expected.map((a) => a.reference)));
      expect(data.total).toBe(expected.length);
      expect(data.totalRequestedOre).toBe(totalOf(expected));
      expect(data.amountNotes).toEqual([]);
    });
  }

  it("ignores an amount that is not an amount, and says so", async () => {
    const data = await list(demoEmail.secretariat, "?min=mange&max=100");
    expect(data.amountNotes).toEqual(["min"]);
    expect(sorted(refs(data))).toEqual(sorted(sharedRefs((a) => a.requestedOre <= 10_000n)));
    const html = render(data, "/applications?min=mange&max=100");
    expect(html).toContain("&quot;mange&quot; i feltet Ansøgt beløb fra er ikke et gyldigt beløb og er ikke brugt i filteret.");
  });

  it("falls back to defaults for bad search params", async () => {
    const data = await list(demoEmail.secretariat, "?view=xyz&sort=evil&dir=sideways&page=-3&status=NOPE&round=%27%20OR%201%3D1&focus=&q=" + "x".repeat(300));
    expect(data.view).toBe("all");
    expect(data.filter).toMatchObject({ sort: "reference", dir: "desc", page: 1, status: [], round: undefined, q: undefined });
    expect(refs(data)).toEqual(SHARED.map((a) => a.reference).sort().reverse());
    // Unknown ids (well-formed) are dropped rather than giving an empty list by surprise.
    const unknown = await list(demoEmail.secretariat, "?round=nope&area=nope&unit=nope&focus=nope");
    expect(unknown.total).toBe(SHARED.length);
    expect(parseApplicationListParams("http://x/applications?status=ENDORSED&status=bogus,DRAFT").status).toEqual(["DRAFT", "ENDORSED"]);
  });

  it("leaves drafts and withdrawn applications out of the total requested, but lists them", async () => {
    // A draft being edited may hold a negative requested amount for a while.
    await prisma.application.update({ where: { id: ids.applications["2026-8003"] }, data: { requestedOre: -12_345_678n } });
    const data = await list(demoEmail.secretariat);
    expect(refs(data)).toContain("2026-8007");
    expect(data.total).toBe(SHARED.length);
    const rows = await prisma.application.findMany({ select: { status: true, requestedOre: true } });
    const expected = rows.filter((r) => r.status !== "DRAFT" && r.status !== "WITHDRAWN").reduce((sum, r) => sum + r.requestedOre, 0n);
    expect(data.totalRequestedOre).toBe(expected);
    expect(data.totalRequestedOre).toBe(totalOf(FIXTURE));
    const onlyLeftOut = await list(demoEmail.secretariat, "?status=DRAFT,WITHDRAWN");
    expect(sorted(refs(onlyLeftOut))).toEqual(["2026-8007"]);
    expect(onlyLeftOut.totalRequestedOre).toBe(0n);
    expect(render(onlyLeftOut, "/applications?status=DRAFT,WITHDRAWN")).toContain("Ansøgt i alt (uden kladder og tilbagetrukne): 0,00 kr.");
    // The applying unit lists its own draft, and leaves it out of its total.
    const own = await list(demoEmail.applicant, "?status=DRAFT,WITHDRAWN");
    expect(refs(own)).toEqual(["2026-8003"]);
    expect(own.totalRequestedOre).toBe(0n);
  });

  it("lists a draft only to the applying unit, not to the area lead, secretariat, leadership or finance", async () => {
    for (const email of [demoEmail.areaLead, demoEmail.secretariat, demoEmail.leadership, demoEmail.finance]) {
      const data = await list(email, "?q=kladde&status=DRAFT");
      expect(data.rows, email).toEqual([]);
      expect(data.total, email).toBe(0);
    }
    expect(refs(await list(demoEmail.applicant, "?q=kladde"))).toEqual(["2026-8003"]);
    // Withdrawn before it was ever submitted: still the unit's own.
    await prisma.application.update({ where: { id: ids.applications["2026-8003"] }, data: { status: "WITHDRAWN" } });
    expect(refs(await list(demoEmail.secretariat, "?status=WITHDRAWN"))).toEqual(["2026-8007"]);
    expect(sorted(refs(await list(demoEmail.applicant, "?status=WITHDRAWN")))).toEqual(["2026-8003"]);
    // Once submitted, it is an application: the others see it.
    await prisma.application.update({ where: { id: ids.applications["2026-8003"] }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    expect(refs(await list(demoEmail.areaLead, "?q=kladde"))).toEqual(["2026-8003"]);
  });

  it("sums the total requested in the database to the øre, over all pages", async () => {
    const secretariat = await sessionUserFor(demoEmail.secretariat);
    const filter = parseApplicationListParams("http://x/applications?status=SUBMITTED&status=ENDORSED&status=GRANTED");
    const page = await listApplications(secretariat, filter, 2);
    expect(page.rows).toHaveLength(2);
    expect(page.pages).toBe(4);
    const rows = await prisma.application.findMany({
      where: { status: { in: ["SUBMITTED", "ENDORSED", "GRANTED"] } },
      select: { requestedOre: true },
    });
    expect(page.totalRequestedOre).toBe(rows.reduce((s, r) => s + r.requestedOre, 0n));
    expect(page.totalRequestedOre).toBe(32_068_050n);
  });
});

describe("/applications: sorting", () => {
  const order = (key: (a: FixtureApplication) => string | number | bigint | null, dir: "asc" | "desc") => {
    const withKey = SHARED.map((a) => ({ ref: a.reference, key: key(a) }));
    withKey.sort((x, y) => {
      if (x.key === null && y.key === null) return 0;
      if (x.key === null) return 1; // nulls last
      if (y.key === null) return -1;
      const c = x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
      const d = dir === "asc" ? c : -c;
      return d !== 0 ? d : dir === "asc" ? x.ref.localeCompare(y.ref) : y.ref.localeCompare(x.ref);
    });
    return withKey.map((x) => x.ref);
  };
  const STATUS_ORDER: readonly ApplicationStatus[] = APPLICATION_STATUSES; // the enum's order in the database
  const keys: [string, (a: FixtureApplication) => string | number | bigint | null][] = [
    ["reference", (a) => a.reference],
    ["requested", (a) => a.requestedOre],
    ["status", (a) => STATUS_ORDER.indexOf(a.status)],
    ["submittedAt", (a) => a.submittedAt],
    ["unit", (a) => UNITS[a.unit][1]],
  ];
  for (const [sort, key] of keys) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir}`, async () => {
        const data = await list(demoEmail.secretariat, `?sort=${sort}&dir=${dir}`);
        expect(refs(data)).toEqual(order(key, dir));
      });
    }
  }

  it("sorts by title", async () => {
    const data = await list(demoEmail.secretariat, "?sort=title&dir=asc");
    expect(data.rows.map((r) => r.title)).toEqual([
      "Bostøtte med velfærdsteknologi",
      "Digital journalføring",
      "Forårskursus",
      "Konflikthåndtering i familiearbejdet",
      "Netværk for ungevejledere",
      "Recoveryforløb i socialpsykiatrien",
      "Tilbagetrukket kursus",
      "Trusselshåndtering",
      "Ungeindsats og trivsel",
    ]);
  });

  it("sorts by the endorsement rank, unranked last", async () => {
    await prisma.application.update({ where: { id: ids.applications["2026-8005"] }, data: { endorsementRank: 1 } });
    await prisma.application.update({ where: { id: ids.applications["2026-8004"] }, data: { endorsementRank: 2 } });
    const data = await list(demoEmail.areaLead, "?sort=rank&dir=asc");
    expect(refs(data).slice(0, 2)).toEqual(["2026-8005", "2026-8004"]);
    expect(data.rows.slice(2).every((r) => r.endorsementRank === null)).toBe(true);
  });

  it("renders sort headers as links with aria-sort on the active column", async () => {
    const data = await list(demoEmail.secretariat, "?sort=requested&dir=desc&status=ENDORSED&page=1");
    const html = render(data, "/applications?sort=requested&dir=desc&status=ENDORSED&page=1");
    expect(html).toContain('<th scope="col" class="kp-num" aria-sort="descending"><a data-sort="requested" href="/applications?sort=requested&amp;dir=asc&amp;status=ENDORSED"');
    expect(html).toContain('<a data-sort="title" href="/applications?sort=title&amp;dir=asc&amp;status=ENDORSED"');
    expect((html.match(/aria-sort=/g) ?? []).length).toBe(1);
  });
});

describe("/applications: pagination and page content", () => {
  it("pages through many applications; the total covers all pages", async () => {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: ids.units.psychiatry } });
    const creator = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
    const extra = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
      reference: `2026-5${String(i).padStart(3, "0")}`,
      roundId: ids.rounds[ROUND_WINTER]!,
      unitId: unit.id,
      areaId: unit.areaId,
      createdById: creator.id,
      status: "SUBMITTED" as const,
      title: `Masseansøgning ${i}`,
      requestedOre: BigInt(i * 100 + 1),
    }));
    await prisma.application.createMany({ data: extra });
    const expectedSum = extra.reduce((s, a) => s + a.requestedOre, 0n);
    const first = await list(demoEmail.secretariat, "?q=masse&sort=reference&dir=asc");
    expect(first.total).toBe(PAGE_SIZE + 5);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.pages).toBe(2);
    expect(first.totalRequestedOre).toBe(expectedSum);
    const second = await list(demoEmail.secretariat, "?q=masse&sort=reference&dir=asc&page=2");
    expect(second.rows.map((r) => r.reference)).toEqual(extra.slice(PAGE_SIZE).map((a) => a.reference));
    expect(second.totalRequestedOre).toBe(expectedSum);
    const beyond = await list(demoEmail.secretariat, "?q=masse&page=999");
    expect(beyond.page).toBe(2);
    const html = render(second, "/applications?q=masse&sort=reference&dir=asc&page=2");
    expect(html).toContain("Side 2 af 2");
    expect(html).toContain('href="/applications?q=masse&amp;sort=reference&amp;dir=asc&amp;page=1"');
  });

  it("shows columns, Danish labels, the count and the total requested", async () => {
    const data = await list(demoEmail.areaLead, `?round=${ids.rounds[ROUND_WINTER]}`);
    const html = render(data);
    expect(html).toContain("<h1>Områdets ansøgninger</h1>");
    expect(html).toContain(`<a href="/applications/${ids.applications["2026-8004"]}" data-discover="true">2026-8004</a>`);
    expect(html).toContain('<bdi dir="auto">Center for Unge og Uddannelse</bdi> (BUU)');
    expect(html).toContain("<td>Indstillet</td>");
    expect(html).toContain('<td class="kp-num">200.000,50 kr.</td>');
    expect(html).toContain("<td>18.11.2026</td>");
    expect(html).not.toContain("Kladde om ledelse"); // the unit's draft is not the area lead's to see
    expect(html).toContain("Plads i indstillingen");
    const expected = SHARED.filter((a) => areaOf(a) === "BUU" && a.round === ROUND_WINTER);
    expect(html).toContain(`${expected.length} ansøgninger`);
    // The total leaves out the draft 2026-8003 (5.000,00 kr.).
    expect(html).toContain("Ansøgt i alt (uden kladder og tilbagetrukne): 287.533,84 kr.");
    expect(totalOf(expected)).toBe(28_753_384n);
    expect(data.totalRequestedOre).toBe(28_753_384n);
    expect(html).not.toContain("Ny ansøgning");
    // Labels on every filter field and a reset link.
    for (const id of ["apps-q", "apps-round", "apps-unit", "apps-focus", "apps-min", "apps-max", "apps-status-DRAFT"]) {
      expect(html, id).toContain(`for="${id}"`);
    }
    expect(html).toContain('<a href="/applications?view=area" data-discover="true">Nulstil filter</a>');
  });

  it("offers the applicant a Ny ansøgning button and says when the list is empty", async () => {
    await prisma.application.deleteMany({ where: { unitId: ids.units.family } });
    const data = await list(demoEmail.applicant);
    const html = render(data);
    expect(html).toContain('<a class="button button-primary" href="/applications/new" data-discover="true">Ny ansøgning</a>');
    expect(html).toContain("Der er ingen ansøgninger endnu.");
    const filtered = render(await list(demoEmail.applicant, "?q=ingenting"), "/applications?q=ingenting");
    expect(filtered).toContain("Ingen ansøgninger passer til filteret.");
  });
});

describe("/applications: the area lead's ranking", () => {
  // Before Vinterrunde 2026's endorsement deadline (15.12.2026 kl. 12.00).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-26T12:00:00Z"), shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const winter = () => ids.rounds[ROUND_WINTER]!;
  const rankForm = (areaId: string, ranks: [string, string][]) => ({
    intent: "rank",
    roundId: winter(),
    areaId,
    ...Object.fromEntries(ranks.flatMap(([ref, rank], i) => [[`ranks[${i}].id`, ids.applications[ref]!], [`ranks[${i}].rank`, rank]])),
  });
  const rankOf = async (ref: string) =>
    (await prisma.application.findUniqueOrThrow({ where: { id: ids.applications[ref] }, select: { endorsementRank: true } })).endorsementRank;

  it("lists the area's endorsed applications of the chosen round for ranking", async () => {
    const data = await list(demoEmail.areaLead, `?round=${winter()}`);
    expect(data.ranking).not.toBe("chooseRound");
    const ranking = data.ranking as Exclude<PageData["ranking"], "chooseRound" | null>;
    expect(ranking.groups.map((g) => g.items.map((i) => i.reference))).toEqual([["2026-8004", "2026-8005"]]);
    const html = render(data);
    expect(html).toContain("Plads for 2026-8004");
    expect(html).toContain('name="ranks[1].rank"');
    expect((await list(demoEmail.areaLead)).ranking).toBe("chooseRound");
    expect((await list(demoEmail.secretariat, `?round=${winter()}`)).ranking).toBeNull();
  });

  it("saves the ranking and audits each changed application", async () => {
    const cookie = await cookieFor(demoEmail.areaLead);
    const before = await auditCount("application.rank");
    const result = await callAction(index, `/applications?view=area&round=${winter()}`, {
      cookie,
      form: rankForm(ids.areas.BUU!, [["2026-8004", "2"], ["2026-8005", "1"]]),
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/applications?view=area&round=${winter()}&ranked=1`);
    expect([await rankOf("2026-8004"), await rankOf("2026-8005")]).toEqual([2, 1]);
    const events = await prisma.auditEvent.findMany({
      where: { action: "application.rank" },
      select: { entityType: true, entityId: true, before: true, after: true, actor: { select: { email: true } } },
      orderBy: { entityId: "asc" },
    });
    expect(events).toHaveLength(before + 2);
    const event = events.find((e) => e.entityId === ids.applications["2026-8004"])!;
    expect(event).toMatchObject({
      entityType: "Application",
      before: { reference: "2026-8004", endorsementRank: null },
      after: { reference: "2026-8004", endorsementRank: 2 },
      actor: { email: demoEmail.areaLead },
    });
    // Saving the same ranking again changes nothing and audits only the confirmation.
    await callAction(index, `/applications?view=area&round=${winter()}`, { cookie, form: rankForm(ids.areas.BUU!, [["2026-8004", "2"], ["2026-8005", "1"]]) });
    expect(await prisma.auditEvent.count({ where: { action: "application.rank", entityType: "Application" } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "application.rank", entityType: "Round" } })).toBe(1);
    const page = await list(demoEmail.areaLead, `?view=area&round=${winter()}&ranked=1`);
    expect(render(page)).toContain("Rangordenen er gemt.");
  });

  const invalidCases: [string, [string, string][], Record<string, string>][] = [
    ["the same place twice", [["2026-8004", "1"], ["2026-8005", "1"]], { "ranks[0].rank": "appList.rank.duplicate", "ranks[1].rank": "appList.rank.duplicate" }],
    ["a place beyond the number of applications", [["2026-8004", "3"], ["2026-8005", "1"]], { "ranks[0].rank": "appList.rank.range" }],
    ["place 0", [["2026-8004", "0"], ["2026-8005", "1"]], { "ranks[0].rank": "appList.rank.range" }],
    ["a missing place", [["2026-8004", ""], ["2026-8005", "1"]], { "ranks[0].rank": "validation.required" }],
    ["a place that is not a whole number", [["2026-8004", "1,5"], ["2026-8005", "2"]], { "ranks[0].rank": "validation.integer" }],
  ];
  for (const [name, ranks, errors] of invalidCases) {
    it(`refuses ${name} and changes nothing`, async () => {
      const before = await auditCount();
      const result = await callAction(index, "/applications", { cookie: await cookieFor(demoEmail.areaLead), form: rankForm(ids.areas.BUU!, ranks) });
      expect(result.status).toBe(400);
      expect(fieldErrors(result)).toEqual(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])));
      expect([await rankOf("2026-8004"), await rankOf("2026-8005")]).toEqual([null, null]);
      expect(await auditCount()).toBe(before);
    });
  }

  it("shows the Danish message next to each duplicated place", async () => {
    const cookie = await cookieFor(demoEmail.areaLead);
    const path = `/applications?round=${winter()}`;
    const reply = await callAction(index, path, { cookie, form: rankForm(ids.areas.BUU!, [["2026-8004", "2"], ["2026-8005", "2"]]) });
    expect(reply.status).toBe(400);
    const data = await list(demoEmail.areaLead, `?round=${winter()}`);
    const Stub = createRoutesStub([{ id: "applications", path: "/applications", Component: index.default as ComponentType, loader: () => data }]);
    const html = renderToString(
      createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { applications: data }, actionData: { applications: reply.data } } }),
    );
    const messages = html.match(/<span class="form-error-message"[^>]*><span class="sr-only">Der opstod en fejl(?:<!-- -->)?: <\/span>Pladsen er givet til flere ansøgninger\. Giv hver ansøgning sin egen plads\.<\/span>/g) ?? [];
    expect(messages).toHaveLength(2);
    expect((html.match(/aria-invalid="true"/g) ?? []).length).toBe(2);
  });

  it("refuses a form that no longer covers the area's endorsed applications", async () => {
    const before = await auditCount();
    const result = await callAction(index, "/applications", { cookie: await cookieFor(demoEmail.areaLead), form: rankForm(ids.areas.BUU!, [["2026-8004", "1"]]) });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ "": ["appList.rank.stale"] });
    // A submitted (not endorsed) application of the area cannot be ranked either.
    const submitted = await callAction(index, "/applications", {
      cookie: await cookieFor(demoEmail.areaLead),
      form: rankForm(ids.areas.BUU!, [["2026-8004", "1"], ["2026-8002", "2"]]),
    });
    expect(fieldErrors(submitted)).toEqual({ "": ["appList.rank.stale"] });
    expect(await rankOf("2026-8004")).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("does not let a lead rank another area's applications (404) and changes nothing", async () => {
    const before = await auditCount();
    const vjhLead = await cookieFor(demoEmail.areaLeadOtherArea);
    // The other area as a whole …
    const whole = await callAction(index, "/applications", { cookie: vjhLead, form: rankForm(ids.areas.BUU!, [["2026-8004", "1"], ["2026-8005", "2"]]) });
    expect(whole.status).toBe(404);
    // … or the other area's applications smuggled into the lead's own area.
    const smuggled = await callAction(index, "/applications", { cookie: vjhLead, form: rankForm(ids.areas.VJH!, [["2026-8006", "1"], ["2026-8004", "2"]]) });
    expect(smuggled.status).toBe(404);
    const buuLead = await cookieFor(demoEmail.areaLead);
    const mixed = await callAction(index, "/applications", { cookie: buuLead, form: rankForm(ids.areas.BUU!, [["2026-8004", "1"], ["2026-8005", "2"], ["2026-8006", "3"]]) });
    expect(mixed.status).toBe(404);
    expect([await rankOf("2026-8004"), await rankOf("2026-8005"), await rankOf("2026-8006")]).toEqual([null, null, null]);
    expect(await auditCount()).toBe(before);
    // The VJH lead ranks their own area fine.
    const own = await callAction(index, "/applications", { cookie: vjhLead, form: rankForm(ids.areas.VJH!, [["2026-8006", "1"]]) });
    expect(own.status).toBe(302);
    expect(await rankOf("2026-8006")).toBe(1);
  });

  it("is for area leads only (403 for everyone else)", async () => {
    for (const email of [demoEmail.applicant, demoEmail.secretariat, demoEmail.leadership, demoEmail.finance, demoEmail.hmu, demoEmail.admin]) {
      const result = await callAction(index, "/applications", { cookie: await cookieFor(email), form: rankForm(ids.areas.BUU!, [["2026-8004", "1"], ["2026-8005", "2"]]) });
      expect(result.status, email).toBe(403);
    }
    expect(await rankOf("2026-8004")).toBeNull();
  });

  it("refuses a ranking after the endorsement deadline with the deadline in the message, changing nothing", async () => {
    const lead = await actorFor(demoEmail.areaLead);
    const before = await auditCount();
    const ranks = [
      { id: ids.applications["2026-8004"]!, rank: 2 },
      { id: ids.applications["2026-8005"]!, rank: 1 },
    ];
    const late = await rankApplications(lead, { roundId: winter(), areaId: ids.areas.BUU!, ranks, now: new Date("2026-12-15T11:00:01Z") }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(FieldError);
    const error = late as FieldError;
    expect([error.field, error.messageKey]).toEqual(["", "appList.rank.deadlinePassed"]);
    expect(translate("da", error.messageKey, formatErrorVars(error.vars ?? {}, "da"))).toBe("Fristen for indstilling var 15.12.2026 kl. 12.00. Rangordenen kan ikke længere ændres.");
    expect([await rankOf("2026-8004"), await rankOf("2026-8005")]).toEqual([null, null]);
    expect(await auditCount()).toBe(before);
    // Through the page, with the clock past the deadline.
    vi.setSystemTime(new Date("2026-12-15T11:00:01Z"));
    const result = await callAction(index, "/applications", { cookie: await cookieFor(demoEmail.areaLead), form: rankForm(ids.areas.BUU!, [["2026-8004", "2"], ["2026-8005", "1"]]) });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ "": ["Fristen for indstilling var 15.12.2026 kl. 12.00. Rangordenen kan ikke længere ændres."] });
    expect(await auditCount()).toBe(before);
    // At the deadline itself the ranking is still saved.
    await rankApplications(lead, { roundId: winter(), areaId: ids.areas.BUU!, ranks, now: new Date("2026-12-15T11:00:00Z") });
    expect([await rankOf("2026-8004"), await rankOf("2026-8005")]).toEqual([2, 1]);
  });

  it("guards the rules in the service too", async () => {
    const lead = await actorFor(demoEmail.areaLead);
    const input = (ranks: [string, number][]) => ({ roundId: winter(), areaId: ids.areas.BUU!, ranks: ranks.map(([ref, rank]) => ({ id: ids.applications[ref]!, rank })) });
    // Every problem at once: both duplicated places are named, each next to its field.
    await expect(rankApplications(lead, input([["2026-8004", 1], ["2026-8005", 1]]))).rejects.toBeInstanceOf(ProblemsError);
    await expect(rankApplications(lead, input([["2026-8004", 1], ["2026-8005", 1]]))).rejects.toMatchObject({
      problems: [
        { field: "ranks[0].rank", key: "appList.rank.duplicate" },
        { field: "ranks[1].rank", key: "appList.rank.duplicate" },
      ],
    });
    await expect(rankApplications(lead, { ...input([["2026-8004", 1]]), ranks: [{ id: "nope", rank: 1 }] })).rejects.toBeInstanceOf(PermissionError);
    await expect(rankApplications(await actorFor(demoEmail.secretariat), input([["2026-8004", 1], ["2026-8005", 2]]))).rejects.toMatchObject({ status: 403 });
    expect(await auditCount("application.rank")).toBe(0);
  });
});
