// The demo lives in today's time: whatever the day, an empty database seeded
// with the demo shows an open round, a closed round with endorsed applications,
// a decided round, and applications at every stage the app has.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { roundStatus } from "~/domain/rounds";
import { prisma } from "~/utils/db.server";
import { seedDemoData } from "../prisma/seed-data";
import { storyRounds } from "../prisma/demo-story";
import { danishToday } from "~/domain/dates";
import { resetDatabase } from "./db-utils";

const STAGES = ["DRAFT", "SUBMITTED", "RETURNED", "ENDORSED", "WITHDRAWN"] as const;

async function checkDemoAt(now: Date): Promise<void> {
  await resetDatabase();
  await seedDemoData(prisma, now);
  const label = now.toISOString();
  const rounds = await prisma.round.findMany({
    select: { id: true, name: true, opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true, budgetShareOre: true, poolYear: { select: { year: true } } },
  });
  const statuses = rounds.map((r) => roundStatus(r, now));
  expect(statuses, label).toContain("open");
  expect(statuses, label).toContain("closed");
  expect(statuses, label).toContain("decided");
  for (const round of rounds) {
    // Every round lies in its pool year (the decision date decides the year) and after the pool began.
    expect(round.decisionDate.getUTCFullYear(), `${label} ${round.name}`).toBe(round.poolYear.year);
    expect(round.opensAt >= new Date("2026-08-01T00:00:00Z"), `${label} ${round.name}`).toBe(true);
    expect(round.opensAt < round.closesAt && round.closesAt <= round.endorsementDeadline, `${label} ${round.name}`).toBe(true);
  }
  const applications = await prisma.application.findMany({ select: { status: true, roundId: true, submittedAt: true, createdAt: true } });
  const present = new Set(applications.map((a) => a.status));
  for (const stage of STAGES) expect(present.has(stage), `${label}: an application in ${stage}`).toBe(true);
  // Nothing happened in the future.
  for (const app of applications) {
    expect(app.createdAt <= now, label).toBe(true);
    if (app.submittedAt) expect(app.submittedAt <= now, label).toBe(true);
  }
  const events = await prisma.auditEvent.findMany({ where: { entityType: "Application" }, select: { at: true } });
  expect(events.every((e) => e.at <= now), label).toBe(true);
  // The closed round's applications are endorsed; the decided round (when the pool is old enough to have one) has applications.
  const closed = rounds.find((r) => roundStatus(r, now) === "closed")!;
  expect(applications.some((a) => a.roundId === closed.id && a.status === "ENDORSED"), label).toBe(true);
  for (const decided of rounds.filter((r) => roundStatus(r, now) === "decided")) {
    expect(applications.some((a) => a.roundId === decided.id), `${label}: ${decided.name} has applications`).toBe(true);
  }
  // The shares of a year's rounds stay within the year's total.
  const years = await prisma.poolYear.findMany({ select: { year: true, budgetOre: true, adjustments: { select: { amountOre: true } }, rounds: { select: { budgetShareOre: true } } } });
  for (const year of years) {
    const total = year.budgetOre + year.adjustments.reduce((sum, a) => sum + a.amountOre, 0n);
    expect(year.rounds.reduce((sum, r) => sum + r.budgetShareOre, 0n) <= total, `${label} ${year.year}`).toBe(true);
  }
  // The year after today's is there, still without priorities (the leadership's next task).
  const nextYear = danishToday(now).getUTCFullYear() + 1;
  expect(years.map((y) => y.year), label).toContain(nextYear);
}

describe("the demo data follows today's date", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it.each([
    "2026-12-03T10:00:00Z",
    "2027-01-02T07:00:00Z", // just after new year: the open round began last year
    "2027-12-24T18:00:00Z", // the open round is decided in the next year
    "2028-12-31T22:30:00Z", // already 1 January in Denmark
  ])("on %s: an open round, a closed one with endorsements, and every stage", async (iso) => {
    await checkDemoAt(new Date(iso));
  });

  it("places three rounds in their pool years on any day of 2027–2028 (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2027-01-01T00:00:00Z"), max: new Date("2028-12-31T23:59:59Z"), noInvalidDate: true }), (now) => {
        const today = danishToday(now);
        const rounds = storyRounds(today);
        expect(rounds.map((r) => r.stage)).toEqual(["decided", "closed", "open"]);
        const [decided, closed, open] = rounds as [(typeof rounds)[0], (typeof rounds)[0], (typeof rounds)[0]];
        expect(roundStatus(open, now)).toBe("open");
        expect(roundStatus(closed, now)).toBe("closed");
        expect(roundStatus(decided, now)).toBe("decided");
        expect(new Set(rounds.map((r) => `${r.year}/${r.name}`)).size).toBe(3);
        for (const round of rounds) expect(round.opensAt.getUTCFullYear()).toBeLessThanOrEqual(round.year);
      }),
      { numRuns: 300 },
    );
  });
});
