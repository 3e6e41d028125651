import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { kroner } from "~/domain/money";
import type { RoundStatus } from "~/domain/rounds";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as roundModule from "./round";

const route = roundModule as unknown as RouteModule & typeof roundModule;
type PageData = Awaited<ReturnType<typeof route.loader>>;

beforeEach(resetToDemo);

const DAY = 86_400_000;

/**
 * A round whose status at the real current time is `status` (dates relative to
 * now), in the pool year of its decision date (created when missing).
 */
async function roundWith(status: RoundStatus, name = `Runde (${status})`) {
  const offsets: Record<RoundStatus, [number, number, number, number]> = {
    planned: [20, 40, 45, 50],
    open: [-5, 20, 25, 30],
    closed: [-30, -5, -2, 5],
    decided: [-60, -40, -35, -30],
  };
  const [opens, closes, endorsement, decision] = offsets[status];
  const now = Date.now();
  const at = (days: number) => new Date(Math.floor((now + days * DAY) / 60_000) * 60_000); // whole minutes
  const decisionDay = new Date(at(decision).toISOString().slice(0, 10) + "T00:00:00.000Z");
  const year = decisionDay.getUTCFullYear();
  const poolYear = await prisma.poolYear.upsert({
    where: { year },
    // Room for this round's share, also in a year whose rounds already share out everything.
    update: { budgetOre: { increment: kroner(100_000) } },
    create: { year, budgetOre: kroner(6_000_000), startsOn: new Date(`${year}-01-01T00:00:00Z`) },
  });
  return prisma.round.create({
    data: {
      poolYearId: poolYear.id,
      name,
      opensAt: at(opens),
      closesAt: at(closes),
      endorsementDeadline: at(endorsement),
      decisionDate: decisionDay,
      budgetShareOre: kroner(100_000),
    },
  });
}

async function load(email: string | null, roundId: string) {
  return callLoader(route, `/rounds/${roundId}`, { params: { roundId }, cookie: email ? await cookieFor(email) : undefined });
}

async function post(roundId: string, form: Record<string, string>, email: string = demoEmail.secretariat) {
  return callAction(route, `/rounds/${roundId}`, { params: { roundId }, cookie: await cookieFor(email), form });
}

/** The edit form as the page fills it in, with changes. */
async function formFor(roundId: string, change: Record<string, string> = {}): Promise<Record<string, string>> {
  const data = (await load(demoEmail.secretariat, roundId)).data as PageData;
  return { ...data.defaults, ...change };
}

function render(data: unknown, url: string, actionData?: unknown): string {
  const Stub = createRoutesStub([
    { id: "round", path: "/rounds/:roundId", Component: route.default as ComponentType, loader: () => data, action: () => actionData },
  ]);
  return renderToString(
    createElement(Stub, {
      initialEntries: [url],
      hydrationData: { loaderData: { round: data }, actionData: actionData ? { round: actionData } : undefined },
    }),
  );
}

async function snapshot() {
  return { rounds: await prisma.round.findMany({ orderBy: { id: "asc" } }), audits: await auditCount() };
}

describe("/rounds/:roundId loader", () => {
  it("shows every role the round; only the secretariat gets the form", async () => {
    const round = await roundWith("planned");
    for (const role of ROLES) {
      const result = await load(demoEmailFor(role), round.id);
      expect(result.status, role).toBe(200);
      const data = result.data as PageData;
      expect(data.canManage, role).toBe(role === "SECRETARIAT");
      expect(render(data, `/rounds/${round.id}`).includes('id="round-edit"'), role).toBe(role === "SECRETARIAT");
    }
  });

  it("answers 404 for an unknown round and sends anonymous visitors to log in", async () => {
    expect((await load(demoEmail.hmu, "findes-ikke")).status).toBe(404);
    expect((await load(null, "findes-ikke")).status).toBe(302);
  });

  it.each([
    ["planned", "Planlagt"],
    ["open", "Åben"],
    ["closed", "Lukket"],
    ["decided", "Afgjort"],
  ] as const)("labels a %s round %s", async (status, label) => {
    const round = await roundWith(status);
    const data = (await load(demoEmail.applicant, round.id)).data as PageData;
    expect(data.round.status).toBe(status);
    expect(render(data, `/rounds/${round.id}`)).toContain(`<span data-status="${status}">${label}</span>`);
  });

  it("shows an opened round's opening time read-only, and no form at all for a decided round", async () => {
    const open = await roundWith("open");
    const openHtml = render((await load(demoEmail.secretariat, open.id)).data, `/rounds/${open.id}`);
    expect(openHtml).toMatch(/<input[^>]*readOnly=""[^>]*name="opensAt"/);
    expect(openHtml).toContain("Runden er åbnet, så åbningstidspunktet kan ikke længere ændres.");
    const decided = await roundWith("decided");
    const decidedHtml = render((await load(demoEmail.secretariat, decided.id)).data, `/rounds/${decided.id}`);
    expect(decidedHtml).toContain("Runden er afgjort og kan ikke længere ændres.");
    expect(decidedHtml).not.toContain('id="round-edit"');
  });
});

describe("/rounds/:roundId action", () => {
  it("changes a planned round, audited, and shows a confirmation", async () => {
    const round = await roundWith("planned");
    const opensAt = new Date(round.opensAt.getTime() + DAY);
    const form = await formFor(round.id, { name: "Ny runde", budgetShare: "250.000,50" });
    const { utcToZonedInput } = await import("~/domain/dates");
    form.opensAt = utcToZonedInput(opensAt);
    const result = await post(round.id, form);
    expect(fieldErrors(result)).toEqual({});
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/rounds/${round.id}?ok=updated`);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored).toMatchObject({ name: "Ny runde", budgetShareOre: 25_000_050n, opensAt });
    expect(await auditCount("round.update")).toBe(1);
    expect(render((await load(demoEmail.secretariat, round.id)).data, `/rounds/${round.id}?ok=updated`)).toContain("Ændringerne af runden er gemt.");
  });

  it("refuses to move the opening time of an opened round, but lets it change its closing time", async () => {
    const round = await roundWith("open");
    const { utcToZonedInput } = await import("~/domain/dates");
    const before = await snapshot();
    const moved = await post(round.id, await formFor(round.id, { opensAt: utcToZonedInput(new Date(round.opensAt.getTime() + 60_000)) }));
    expect(moved.status).toBe(400);
    expect(fieldErrors(moved)).toEqual({ opensAt: ["rounds.error.openedCannotMove"] });
    expect(await snapshot()).toEqual(before);
    const later = new Date(round.closesAt.getTime() + DAY);
    const extended = await post(round.id, await formFor(round.id, { closesAt: utcToZonedInput(later) }));
    expect(extended.status).toBe(302);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).closesAt).toEqual(later);
  });

  it("changes nothing on a decided round", async () => {
    const round = await roundWith("decided");
    const before = await snapshot();
    const result = await post(round.id, await formFor(round.id, { name: "Omdøbt" }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ "": ["rounds.error.decidedLocked"] });
    expect(await snapshot()).toEqual(before);
  });

  it("checks the share against the other rounds of the year, leaving this round out", async () => {
    // 2026: 2.500.000 kr. in total; the autumn round 1.500.000, the winter round 1.000.000.
    const winter = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
    const before = await snapshot();
    const result = await post(winter.id, await formFor(winter.id, { budgetShare: "1.000.000,01" }));
    // The winter round may have closed or been decided by the time the suite runs.
    if (new Date() < winter.decisionDate) {
      expect(fieldErrors(result)).toEqual({ budgetShare: ["Runderne må tilsammen højst udgøre årets ramme. Der er 1.000.000,00 kr. tilbage."] });
    } else {
      expect(fieldErrors(result)).toEqual({ "": ["rounds.error.decidedLocked"] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("validates each field like the new-round form", async () => {
    const round = await roundWith("planned");
    const other = await roundWith("planned", "Anden runde");
    const before = await snapshot();
    for (const [change, field, message] of [
      [{ name: "" }, "name", "validation.required"],
      [{ name: other.name }, "name", `Der findes allerede en runde med navnet »${other.name}« i puljeåret ${other.decisionDate.getUTCFullYear()}.`],
      [{ closesAt: "ikke en tid" }, "closesAt", "rounds.error.dateTime"],
      [{ decisionDate: new Date(round.endorsementDeadline.getTime() - 2 * DAY).toISOString().slice(0, 10) }, "decisionDate", "rounds.error.decisionBeforeEndorsement"],
      [{ budgetShare: "-5" }, "budgetShare", "rounds.error.sharePositive"],
    ] as const) {
      const result = await post(round.id, await formFor(round.id, change));
      expect(result.status).toBe(400);
      expect(fieldErrors(result)[field], JSON.stringify(change)).toEqual([message]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("is for the secretariat only: 403 for every other role, nothing changed", async () => {
    const round = await roundWith("planned");
    const form = await formFor(round.id, { name: "Ændret" });
    for (const role of ROLES.filter((r) => r !== "SECRETARIAT")) {
      expect((await post(round.id, form, demoEmailFor(role))).status, role).toBe(403);
    }
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).name).toBe(round.name);
    expect(await auditCount("round.update")).toBe(0);
  });

  it("answers 404 for an unknown round", async () => {
    const round = await roundWith("planned");
    expect((await post("findes-ikke", await formFor(round.id))).status).toBe(404);
  });
});
