import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as newModule from "./new";
import * as roundModule from "./round";

const route = newModule as unknown as RouteModule & typeof newModule;
const roundRoute = roundModule as unknown as RouteModule & typeof roundModule;
type PageData = Awaited<ReturnType<typeof route.loader>>;

beforeEach(resetToDemo);

const valid = {
  name: "Forårsrunde 2027",
  opensAt: "2027-03-01T12:00",
  closesAt: "2027-04-01T12:00",
  endorsementDeadline: "2027-04-15T12:00",
  decisionDate: "2027-05-01",
  budgetShare: "3.000.000",
};

async function load(email: string, year = "2027") {
  return callLoader(route, `/pool-years/${year}/rounds/new`, { params: { year }, cookie: await cookieFor(email) });
}

async function post(form: Record<string, string>, { year = "2027", email = demoEmail.secretariat as string } = {}) {
  return callAction(route, `/pool-years/${year}/rounds/new`, { params: { year }, cookie: await cookieFor(email), form });
}

function render(data: unknown, actionData?: unknown): string {
  const Stub = createRoutesStub([
    { id: "new", path: "/pool-years/:year/rounds/new", Component: route.default as ComponentType, loader: () => data, action: () => actionData },
  ]);
  return renderToString(
    createElement(Stub, {
      initialEntries: ["/pool-years/2027/rounds/new"],
      hydrationData: { loaderData: { new: data }, actionData: actionData ? { new: actionData } : undefined },
    }),
  );
}

function renderRound(data: unknown, url: string): string {
  const Stub = createRoutesStub([{ id: "round", path: "/rounds/:roundId", Component: roundRoute.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { round: data } } }));
}

async function snapshot() {
  return { rounds: await prisma.round.count(), audits: await auditCount() };
}

describe("/pool-years/:year/rounds/new loader", () => {
  it("is for the secretariat only", async () => {
    for (const role of ROLES) expect((await load(demoEmailFor(role))).status, role).toBe(role === "SECRETARIAT" ? 200 : 403);
  });

  it("answers 404 for an unknown year", async () => {
    expect((await load(demoEmail.secretariat, "2099")).status).toBe(404);
  });

  it("suggests what is left of the year's total as the share", async () => {
    const data = (await load(demoEmail.secretariat)).data as PageData;
    expect(data.defaults.budgetShare).toBe("6.000.000,00");
    const html = render(data);
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain('value="6.000.000,00"');
    expect(html).toContain("der er 6.000.000,00 kr. tilbage.");
    // 2026 is fully shared out
    expect(((await load(demoEmail.secretariat, "2026")).data as PageData).defaults.budgetShare).toBe("0,00");
  });
});

describe("/pool-years/:year/rounds/new action", () => {
  it("creates a round in Danish time: 2027-03-01T12:00 is stored as 11:00Z and shown as 1.3.2027 kl. 12.00", async () => {
    const result = await post(valid);
    expect(fieldErrors(result)).toEqual({});
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Forårsrunde 2027" } });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/rounds/${round.id}?ok=created`);
    expect(round.opensAt.toISOString()).toBe("2027-03-01T11:00:00.000Z"); // winter time, UTC+1
    expect(round.closesAt.toISOString()).toBe("2027-04-01T10:00:00.000Z"); // summer time, UTC+2
    expect(round.decisionDate.toISOString()).toBe("2027-05-01T00:00:00.000Z");
    expect(round.budgetShareOre).toBe(kroner(3_000_000));
    expect(await auditCount("round.create")).toBe(1);

    const page = await callLoader(roundRoute, `/rounds/${round.id}`, { params: { roundId: round.id }, cookie: await cookieFor(demoEmail.hmu) });
    const html = renderRound(page.data, `/rounds/${round.id}?ok=created`);
    expect(html).toContain('data-testid="opens-at">1.3.2027 kl. 12.00<');
    expect(html).toContain("1.4.2027 kl. 12.00");
    expect(html).toContain("1.5.2027");
    expect(html).toContain("Runden er oprettet.");
  });

  it("accepts a time typed the Danish way where the browser has no date-time picker", async () => {
    const result = await post({ ...valid, opensAt: "1.3.2027 kl. 12.00", closesAt: "1.4.2027 12:00" });
    expect(result.status).toBe(302);
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Forårsrunde 2027" } });
    expect(round.opensAt.toISOString()).toBe("2027-03-01T11:00:00.000Z");
    expect(round.closesAt.toISOString()).toBe("2027-04-01T10:00:00.000Z");
  });

  it.each([
    [{ name: "" }, "name", "validation.required"],
    [{ name: "x".repeat(121) }, "name", "validation.tooLong"],
    [{ name: "Efterårsrunde 2026" }, null, null], // a name from another year is free
    [{ opensAt: "" }, "opensAt", "validation.required"],
    [{ opensAt: "2027-02-30T12:00" }, "opensAt", "rounds.error.dateTime"],
    [{ opensAt: "2027-03-28T02:30" }, "opensAt", "rounds.error.dateTime"], // does not exist: clocks go forward
    [{ opensAt: "i morgen" }, "opensAt", "rounds.error.dateTime"],
    [{ opensAt: "2028-01-02T12:00", closesAt: "2028-01-10T12:00", endorsementDeadline: "2028-01-11T12:00", decisionDate: "2028-01-20" }, "decisionDate", "Afgørelsen skal ligge i puljeåret 2027."],
    [{ closesAt: "2027-03-01T12:00" }, "closesAt", "rounds.error.closesBeforeOpens"],
    [{ endorsementDeadline: "2027-04-01T11:59" }, "endorsementDeadline", "rounds.error.endorsementBeforeClose"],
    [{ decisionDate: "" }, "decisionDate", "validation.required"],
    [{ decisionDate: "2027-02-30" }, "decisionDate", "validation.date"],
    [{ decisionDate: "2027-04-14" }, "decisionDate", "rounds.error.decisionBeforeEndorsement"],
    [{ decisionDate: "2028-01-05" }, "decisionDate", "Afgørelsen skal ligge i puljeåret 2027."],
    [{ budgetShare: "" }, "budgetShare", "validation.required"],
    [{ budgetShare: "en del" }, "budgetShare", "validation.amount"],
    [{ budgetShare: "0" }, "budgetShare", "rounds.error.sharePositive"],
    [{ budgetShare: "6.000.000,01" }, "budgetShare", "Runderne må tilsammen højst udgøre årets ramme. Der er 6.000.000,00 kr. tilbage."],
  ])("with %o answers next to the field and stores nothing", async (change, field, message) => {
    const before = await snapshot();
    const result = await post({ ...valid, ...change });
    if (field === null) {
      expect(result.status).toBe(302);
      return;
    }
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [message] });
    expect(await snapshot()).toEqual(before);
  });

  it("shows several problems at once", async () => {
    const result = await post({ ...valid, opensAt: "2028-01-02T12:00", closesAt: "2028-01-01T12:00", budgetShare: "0" });
    expect(fieldErrors(result)).toEqual({
      opensAt: ["Runden må ikke åbne efter puljeåret 2027."],
      closesAt: ["rounds.error.closesBeforeOpens"],
      endorsementDeadline: ["rounds.error.endorsementBeforeClose"],
      budgetShare: ["rounds.error.sharePositive"],
    });
  });

  it("refuses a name used in the year and shares that overlap the year's total", async () => {
    expect((await post({ ...valid, budgetShare: "5.000.000" })).status).toBe(302);
    const before = await snapshot();
    const result = await post({ ...valid, name: "forårsrunde 2027", budgetShare: "1.000.000,01" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({
      name: ["Der findes allerede en runde med navnet »forårsrunde 2027« i puljeåret 2027."],
      budgetShare: ["Runderne må tilsammen højst udgøre årets ramme. Der er 1.000.000,00 kr. tilbage."],
    });
    expect(await snapshot()).toEqual(before);
    // The form keeps what was typed and shows the messages next to the fields.
    const html = render((await load(demoEmail.secretariat)).data, result.data);
    expect(html).toContain("Runderne må tilsammen højst udgøre årets ramme. Der er 1.000.000,00 kr. tilbage.");
    expect(html).toContain('value="1.000.000,01"');
    expect(html).toContain('aria-invalid="true"');
  });

  it("is for the secretariat only: 403 for every other role, nothing stored", async () => {
    for (const role of ROLES.filter((r) => r !== "SECRETARIAT")) {
      expect((await post(valid, { email: demoEmailFor(role) })).status, role).toBe(403);
    }
    expect(await prisma.round.count()).toBe(2);
    expect(await auditCount("round.create")).toBe(0);
  });

  it("answers 404 for an unknown year", async () => {
    expect((await post(valid, { year: "2099" })).status).toBe(404);
  });
});
