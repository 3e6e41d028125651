import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { adjustPoolYear } from "~/services/pool-years.server";
import { currentDatabase, prisma } from "~/utils/db.server";
import { actorFor, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callLoader } from "../../../tests/route-utils";
import * as index from "./index";

beforeEach(resetToDemo);

type PageData = Awaited<ReturnType<typeof index.loader>>;

function render(data: unknown): string {
  const Stub = createRoutesStub([{ id: "pool-years", path: "/pool-years", Component: index.default as ComponentType, loader: () => data }]);
  return renderToString(createElement(Stub, { initialEntries: ["/pool-years"], hydrationData: { loaderData: { "pool-years": data } } }));
}

describe("/pool-years", () => {
  it("lists the years for every role; only finance gets the create button", async () => {
    for (const role of ROLES) {
      const result = await callLoader(index, "/pool-years", { cookie: await cookieFor(demoEmailFor(role)) });
      expect(result.status, role).toBe(200);
      const data = result.data as PageData;
      expect(data.poolYears.map((y) => y.year)).toEqual([2027, 2026]);
      expect(data.canManage, role).toBe(role === "FINANCE");
      expect(render(data).includes('href="/pool-years/new"'), role).toBe(role === "FINANCE");
    }
  });

  it("sends anonymous visitors to the login page", async () => {
    expect((await callLoader(index, "/pool-years")).status).toBe(302);
  });

  it("shows budget, adjustments and total exactly as the database sums them", async () => {
    const finance = await actorFor(demoEmail.finance);
    const effectiveOn = new Date("2027-04-01T00:00:00.000Z");
    for (const amountOre of [1n, 2n, -4n, 99n]) {
      await adjustPoolYear(finance, { year: 2027, amountOre, reason: "øre", effectiveOn, correctsId: null });
    }
    const [db] = await prisma.$queryRaw<{ adjustments: bigint }[]>`
      SELECT SUM(a."amountOre")::bigint AS adjustments FROM "BudgetAdjustment" a JOIN "PoolYear" p ON p.id = a."poolYearId" WHERE p.year = 2027`;
    expect(BigInt(db!.adjustments)).toBe(98n);

    const data = (await callLoader(index, "/pool-years", { cookie: await cookieFor(demoEmail.hmu) })).data as PageData;
    const y2027 = data.poolYears.find((y) => y.year === 2027)!;
    expect([y2027.budgetOre, y2027.adjustmentsOre, y2027.totalOre]).toEqual([600_000_000n, 98n, 600_000_098n]);

    const html = render(data);
    expect(html).toContain('<a href="/pool-years/2027"');
    expect(html).toContain('<td class="kp-num">0,98 kr.</td>');
    expect(html).toContain("<strong>6.000.000,98 kr.</strong>");
    expect(html).toContain('<td class="kp-num">-3.500.000,00 kr.</td>');
    expect(html).toContain("<strong>2.500.000,00 kr.</strong>");
  });

  it("says so when there are no pool years", async () => {
    // Everything hangs off a pool year; truncating with cascade clears rounds, priorities and applications too.
    await currentDatabase().runner.exec(`TRUNCATE "PoolYear" CASCADE`);
    const data = (await callLoader(index, "/pool-years", { cookie: await cookieFor(demoEmail.finance) })).data as PageData;
    expect(render(data)).toContain("Der er endnu ikke oprettet nogen puljeår.");
  });
});
