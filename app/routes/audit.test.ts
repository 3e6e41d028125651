import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { isPoolEntityType } from "~/domain/audit";
import { kroner } from "~/domain/money";
import { adjustPoolYear, createPoolYear } from "~/services/pool-years.server";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/list-params";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { actorFor, cookieFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { callAction, callLoader } from "../../tests/route-utils";
import * as audit from "./audit";
import * as login from "./login";

type PageData = Awaited<ReturnType<typeof audit.loader>>;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let ids: { poolYear: string; adjustment: string };

beforeEach(async () => {
  await resetToDemo();
  // A login (entity User) and a pool year with an adjustment (pool records).
  const loggedIn = await callAction(login, "/login", { form: { email: demoEmail.admin, password: DEMO_PASSWORD } });
  expect(loggedIn.status).toBe(302);
  const finance = await actorFor(demoEmail.finance);
  const created = await createPoolYear(finance, { year: 2028, budgetOre: kroner(6_000_000), startsOn: day("2028-01-01"), note: "" });
  const adjusted = await adjustPoolYear(finance, { year: 2026, amountOre: kroner(250_000), reason: "Tillæg", effectiveOn: day("2026-09-01"), correctsId: null });
  ids = { poolYear: created.id, adjustment: adjusted.id };
});

async function page(email: string, query = ""): Promise<PageData> {
  const result = await callLoader(audit, `/audit${query}`, { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return result.data as PageData;
}

function render(data: unknown, url = "/audit"): string {
  const Stub = createRoutesStub([{ id: "audit", path: "/audit", Component: audit.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { audit: data } } }));
}

describe("/audit permissions", () => {
  it.each([demoEmail.applicant, demoEmail.areaLead, demoEmail.leadership, demoEmail.finance, demoEmail.hmu])("refuses %s with 403", async (email) => {
    const result = await callLoader(audit, "/audit", { cookie: await cookieFor(email) });
    expect(result.status).toBe(403);
  });

  it("sends anonymous visitors to the login page", async () => {
    const result = await callLoader(audit, "/audit?entityType=User");
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Faudit%3FentityType%3DUser");
  });
});

describe("/audit for the administrator", () => {
  it("shows every event, logins and pool events, newest first", async () => {
    const data = await page(demoEmail.admin, "?logins=1");
    expect(data.scope).toBe("all");
    const actions = data.events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "poolYear.create", "poolYear.adjust", "demo.seed"]));
    expect(data.total).toBe(await prisma.auditEvent.count());
    const times = data.events.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(data.entityTypes).toEqual(expect.arrayContaining(["User", "PoolYear", "BudgetAdjustment", "Database"]));
  });

  it("leaves logins and logouts out unless asked, and says so", async () => {
    const data = await page(demoEmail.admin);
    expect(data.events.some((e) => e.action.startsWith("auth."))).toBe(false);
    expect(data.total).toBe(await prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "auth." } } } }));
    expect(render(data)).toContain("Log ind og log ud vises ikke.");
    // Asking for a login action shows them too.
    expect((await page(demoEmail.admin, "?action=auth.login")).events.map((e) => e.action)).toContain("auth.login");
  });

  it("names every action of the app in Danish", async () => {
    const { allMutations } = await import("~/services/registry.server");
    const { isMessageKey } = await import("~/i18n");
    const missing = allMutations.map((m) => m.mutationName).filter((name) => !name.startsWith("test.") && !isMessageKey(`audit.action.${name}`));
    expect(missing).toEqual([]);
  });

  it("names records as people know them, with a link where the reader may open them", async () => {
    const data = await page(demoEmail.admin);
    const adjust = data.events.find((e) => e.action === "poolYear.adjust")!;
    expect(adjust.record).toEqual({ name: { kind: "poolYear", year: 2026 }, href: "/pool-years/2026" });
    const html = render(data);
    expect(html).toMatch(/<a href="\/pool-years\/2026"[^>]*><bdi>Puljeår 2026<\/bdi><\/a>/);
  });

  it("shows who did it (or System), the action with its label, and what changed", async () => {
    const data = await page(demoEmail.admin, "?logins=1");
    const adjust = data.events.find((e) => e.action === "poolYear.adjust")!;
    expect(adjust.actorName).toBe("Ole Østergaard");
    expect(adjust.changes).toEqual(
      expect.arrayContaining([
        { key: "totalOre", before: "250000000", after: "275000000" },
        { key: "amountOre", before: null, after: "25000000" },
      ]),
    );
    const html = render(data);
    expect(html).toContain("Tillægsbevilling eller reduktion registreret<br/><small><code>poolYear.adjust</code></small>");
    expect(html).toContain("Logget ind<br/><small><code>auth.login</code></small>");
    expect(html).toContain("System"); // the demo seed has no actor
    expect(html).toContain("<details>");
    expect(html).toContain('<td class="kp-json">2.500.000,00 kr.</td><td class="kp-json">2.750.000,00 kr.</td>');
    expect(html).toContain(">Puljeår 2026</bdi>");
  });
});

describe("/audit for the pool secretariat", () => {
  it("shows only pool records", async () => {
    const data = await page(demoEmail.secretariat);
    expect(data.scope).toBe("pool");
    expect(data.events.map((e) => e.action).sort()).toEqual(["poolYear.adjust", "poolYear.create"]);
    expect(data.events.every((e) => isPoolEntityType(e.entityType))).toBe(true);
    expect(data.entityTypes).toEqual(["BudgetAdjustment", "PoolYear"]);
    expect(data.actions).toEqual(["poolYear.adjust", "poolYear.create"]);
    const html = render(data);
    expect(html).not.toContain("auth.login");
    expect(html).not.toContain("demo.seed");
  });

  it("still sees no user events when the URL asks for them", async () => {
    for (const query of ["?entityType=User", "?action=auth.login", "?entityType=Database&action=demo.seed"]) {
      const data = await page(demoEmail.secretariat, query);
      expect(data.events, query).toEqual([]);
      expect(data.total).toBe(0);
    }
    // The administrator gets them with the same filter.
    expect((await page(demoEmail.admin, "?entityType=User&logins=1")).events.map((e) => e.action)).toEqual(["auth.login"]);
  });
});

describe("/audit filters", () => {
  it("filters by entity type, action and entity id", async () => {
    expect((await page(demoEmail.admin, "?entityType=PoolYear")).events.map((e) => e.entityId)).toEqual([ids.poolYear]);
    expect((await page(demoEmail.admin, "?action=poolYear.adjust")).events.map((e) => e.entityId)).toEqual([ids.adjustment]);
    expect((await page(demoEmail.secretariat, `?entityId=${ids.adjustment}`)).events.map((e) => e.action)).toEqual(["poolYear.adjust"]);
    expect((await page(demoEmail.admin, "?entityType=PoolYear&action=poolYear.adjust")).total).toBe(0);
  });

  it("filters by the actor's name or e-mail, in any case", async () => {
    for (const actor of ["østergaard", "OEKONOMI@demo", "Ole"]) {
      const data = await page(demoEmail.admin, `?actor=${encodeURIComponent(actor)}`);
      expect(data.events.map((e) => e.action).sort(), actor).toEqual(["poolYear.adjust", "poolYear.create"]);
    }
    // A login is the logged-in user's own act; the seed has no actor and never matches.
    expect((await page(demoEmail.admin, "?actor=ahmadi&logins=1")).events.map((e) => e.action)).toEqual(["auth.login"]);
    expect((await page(demoEmail.admin, "?actor=nobody")).total).toBe(0);
  });

  it("filters by Danish calendar days, both ends included", async () => {
    // 2026-11-25 23:30 UTC is 26.11.2026 00:30 in Denmark; 2026-11-26 22:59 UTC is 23:59 there.
    await prisma.auditEvent.update({ where: { id: (await prisma.auditEvent.findFirstOrThrow({ where: { action: "poolYear.create" } })).id }, data: { at: new Date("2026-11-25T23:30:00Z") } });
    await prisma.auditEvent.update({ where: { id: (await prisma.auditEvent.findFirstOrThrow({ where: { action: "poolYear.adjust" } })).id }, data: { at: new Date("2026-11-26T22:59:00Z") } });
    await prisma.auditEvent.updateMany({ where: { action: { notIn: ["poolYear.create", "poolYear.adjust"] } }, data: { at: new Date("2026-11-27T10:00:00Z") } });
    const on26 = await page(demoEmail.admin, "?from=2026-11-26&to=2026-11-26");
    expect(on26.events.map((e) => e.action)).toEqual(["poolYear.adjust", "poolYear.create"]);
    expect((await page(demoEmail.admin, "?to=2026-11-25")).total).toBe(0);
    expect((await page(demoEmail.admin, "?from=2026-11-27&logins=1")).events.map((e) => e.action).sort()).toEqual(["auth.login", "demo.seed"]);
  });

  it("ignores filter values that are not valid", async () => {
    const all = await page(demoEmail.admin);
    const bad = await page(demoEmail.admin, "?entityType=%3Cscript%3E&from=2026-02-31&to=i-morgen&page=-3&action=a%20b");
    expect(bad.total).toBe(all.total);
    expect(bad.filter).toEqual({ entityType: undefined, action: undefined, entityId: undefined, actor: undefined, from: undefined, to: undefined });
    expect(bad.page).toBe(1);
  });

  it("pages through many events, newest first", async () => {
    const base = Date.parse("2030-01-01T12:00:00Z");
    await prisma.auditEvent.createMany({
      data: Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
        at: new Date(base + i * 60_000),
        action: "poolYear.adjust",
        entityType: "BudgetAdjustment",
        entityId: `bulk-${i}`,
      })),
    });
    const first = await page(demoEmail.secretariat, "?action=poolYear.adjust");
    expect(first.total).toBe(PAGE_SIZE + 6);
    expect(first.pages).toBe(2);
    expect(first.events).toHaveLength(PAGE_SIZE);
    expect(first.events[0]!.entityId).toBe(`bulk-${PAGE_SIZE + 4}`);
    const second = await page(demoEmail.secretariat, "?action=poolYear.adjust&page=2");
    expect(second.events.map((e) => e.entityId)).toEqual(["bulk-4", "bulk-3", "bulk-2", "bulk-1", "bulk-0", ids.adjustment]);
    expect((await page(demoEmail.secretariat, "?action=poolYear.adjust&page=99")).page).toBe(2);
    expect(render(second, "/audit?action=poolYear.adjust&page=2")).toContain("Side 2 af 2");
  });
});
