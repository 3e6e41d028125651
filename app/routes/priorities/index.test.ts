import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { kroner } from "~/domain/money";
import { recordPrioritisation } from "~/services/prioritisations.server";
import { prisma } from "~/utils/db.server";
import { actorFor, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callLoader, type RouteModule } from "../../../tests/route-utils";
import * as indexModule from "./index";

const route = indexModule as unknown as RouteModule & typeof indexModule;
type PageData = Awaited<ReturnType<typeof route.loader>>;

beforeEach(resetToDemo);

async function load(email: string | null, year = "2026") {
  return callLoader(route, `/pool-years/${year}/priorities`, { params: { year }, cookie: email ? await cookieFor(email) : undefined });
}

function render(data: unknown, url = "/pool-years/2026/priorities"): string {
  const Stub = createRoutesStub([{ id: "priorities", path: "/pool-years/:year/priorities", Component: route.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { priorities: data } } }));
}

/** Text without tags and with collapsed spaces (React splits text nodes with comments). */
function text(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

describe("/pool-years/:year/priorities", () => {
  it("shows every role the prioritisation in force; only the leadership may revise it", async () => {
    for (const role of ROLES) {
      const result = await load(demoEmailFor(role));
      expect(result.status, role).toBe(200);
      const data = result.data as PageData;
      expect(data.current?.revision).toBe(1);
      expect(data.canRecord, role).toBe(role === "LEADERSHIP");
      const html = render(data);
      expect(html.includes("Revidér prioritering"), role).toBe(role === "LEADERSHIP");
      expect(html).not.toMatch(/Rediger|Slet/);
    }
  });

  it("answers 404 for a year that does not exist and sends anonymous visitors to log in", async () => {
    for (const year of ["2099", "abc", "02026"]) expect((await load(demoEmail.hmu, year)).status).toBe(404);
    expect((await load(null)).status).toBe(302);
  });

  it("shows ranks, weights, earmarks with bars and totals against the year's total", async () => {
    const html = render((await load(demoEmail.hmu)).data);
    const page = text(html);
    expect(page).toContain("Prioritering 2026");
    expect(page).toContain("Ledelsesmøde 20.8.2026");
    expect(html).toContain('href="/guidelines/1"');
    expect(page).toContain("Version 1: Retningslinjer for den tværgående kompetencepulje");
    // Rank, focus area, weight, earmark, share (2026's total is 2.500.000,00 kr.)
    expect(page).toContain("1 Forebyggelse af vold og trusler 1,5 500.000,00 kr. hård – må ikke overskrides 20 %");
    expect(page).toContain("2 Nye digitale løsninger 1,25 10 % af rammen = 250.000,00 kr. blød – et mål 10 %");
    expect(page).toContain("3 Samarbejde på tværs 1 Ingen");
    expect(html.match(/data-testid="share-bar"/g)).toHaveLength(3); // two earmarks + the total
    expect(html).toContain('aria-hidden="true" data-testid="share-bar"');
    expect(page).toContain("Årets ramme 2.500.000,00 kr.");
    expect(page).toContain("Øremærket i alt 750.000,00 kr. (30 %)");
    expect(page).toContain("Ikke øremærket 1.750.000,00 kr.");
    expect(page).toContain("Første registrering for året.");
    expect(page).toContain("låst");
  });

  it("shows an empty state for a year without a prioritisation, with the button for the leadership only", async () => {
    const hmu = render((await load(demoEmail.hmu, "2027")).data, "/pool-years/2027/priorities");
    expect(text(hmu)).toContain("Den strategiske ledelse har endnu ikke registreret en prioritering for 2027.");
    expect(hmu).not.toContain("Registrér prioritering");
    const leadership = render((await load(demoEmail.leadership, "2027")).data, "/pool-years/2027/priorities");
    expect(leadership).toContain('href="/pool-years/2027/priorities/new"');
    expect(leadership).toContain("Registrér prioritering");
  });

  it("shows every revision newest first with what changed, in Danish", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const id = async (name: string) => (await prisma.focusArea.findUniqueOrThrow({ where: { name } })).id;
    await recordPrioritisation(leadership, {
      year: 2026,
      guidelineVersionId: (await prisma.guidelineVersion.findFirstOrThrow()).id,
      decidedOn: new Date("2026-10-01T00:00:00Z"),
      note: "Digitalisering først",
      items: [
        { focusAreaId: await id("Nye digitale løsninger"), rank: 1, weightHundredths: 200, earmark: { kind: "AMOUNT", ore: kroner(300_000), hard: true } },
        { focusAreaId: await id("Forebyggelse af vold og trusler"), rank: 2, weightHundredths: 150, earmark: { kind: "AMOUNT", ore: kroner(500_000), hard: true } },
        { focusAreaId: await id("Samarbejde på tværs"), rank: 3, weightHundredths: 100, earmark: { kind: "NONE" } },
        { focusAreaId: await id("Nedbringelse af sygefravær"), rank: 4, weightHundredths: 50, earmark: { kind: "PERCENT", basisPoints: 500, hard: false } },
      ],
    });
    const data = (await load(demoEmail.applicant)).data as PageData;
    expect(data.revisions.map((r) => r.revision)).toEqual([2, 1]);
    const page = text(render(data));
    expect(page).toContain("Gældende prioritering – revision 2");
    expect(page.indexOf("Revision 2 (gældende)")).toBeLessThan(page.indexOf("Revision 1"));
    expect(page).toContain("Nye digitale løsninger: rang 2 → 1; vægt 1,25 → 2; øremærkning 10 % = 250.000,00 kr. (blød) → 300.000,00 kr. (hård).");
    expect(page).toContain("Forebyggelse af vold og trusler: rang 1 → 2.");
    expect(page).toContain("Nedbringelse af sygefravær er tilføjet: rang 4, vægt 0,5, øremærket 5 % = 125.000,00 kr. (blød).");
    expect(page).toContain("Ledelseskraft er fjernet (var rang 4).");
    expect(page).toContain("Bemærkningen er ændret.");
    expect(page).not.toContain("Samarbejde på tværs:");
    expect(page).toContain("Øremærket i alt 925.000,00 kr. (37 %)");
  });
});
