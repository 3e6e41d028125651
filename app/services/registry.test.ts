// Every mutation leaves an audit event in the same transaction: this test calls
// each registered mutation once with valid input and finds its event(s), tagged
// with the call's request id. A mutation missing here fails the first test.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { actorFor, demoEmail, resetToDemo } from "../../tests/db-utils";
import { endSession, recordFailedLogin, startSession } from "./auth.server";
import { defineMutation, type Actor } from "./mutation.server";
import { createArea, createUnit, updateArea, updateUnit } from "./organisation.server";
import { adjustPoolYear, createPoolYear } from "./pool-years.server";
import { allMutations } from "./registry.server";
import { createUser, setUserActive, setUserPassword, updateUser } from "./users.server";

type Call = (actor: (email: string) => Promise<Actor>) => Promise<unknown>;

const areaInput = { code: "TST", name: "Testområde", headName: "Tea Test", sortOrder: 9, active: true };
const userInput = (email: string, unitId: string) => ({
  email,
  name: "Test Testesen",
  unitId,
  roles: ["APPLICANT"] as const,
  leadAreaId: null,
  applicantUnitId: null,
});

async function someUnitId(): Promise<string> {
  return (await prisma.unit.findFirstOrThrow({ select: { id: true } })).id;
}

const CALLS: Record<string, Call> = {
  "auth.loginFailed": async (as) => recordFailedLogin(await as(demoEmail.admin), { email: "x@demo.aarhus.dk", ip: "" }),
  "auth.login": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.finance } });
    return startSession(await as(demoEmail.finance), { userId: user.id, email: user.email, ip: "" });
  },
  "auth.logout": async (as) => endSession(await as(demoEmail.finance), { sessionId: "none" }),
  "organisation.createArea": async (as) => createArea(await as(demoEmail.admin), { ...areaInput, code: "NYT" }),
  "organisation.updateArea": async (as) => {
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } });
    return updateArea(await as(demoEmail.admin), { id: area.id, ...areaInput, code: "BUU", name: "Børn og Unge" });
  },
  "organisation.createUnit": async (as) => {
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "OFS" } });
    return createUnit(await as(demoEmail.admin), { areaId: area.id, parentId: null, name: "Ny enhed", costCentre: "", active: true });
  },
  "organisation.updateUnit": async (as) => {
    const unit = await prisma.unit.findFirstOrThrow({ where: { name: "Digitalisering" } });
    return updateUnit(await as(demoEmail.admin), { id: unit.id, areaId: unit.areaId, parentId: null, name: "Digital udvikling", costCentre: "4711", active: true });
  },
  "users.create": async (as) =>
    createUser(await as(demoEmail.admin), { ...userInput("ny@demo.aarhus.dk", await someUnitId()), password: "langt-kodeord-1" }),
  "users.update": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
    return updateUser(await as(demoEmail.admin), { id: user.id, ...userInput(demoEmail.applicant, await someUnitId()) });
  },
  "users.setPassword": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.hmu } });
    return setUserPassword(await as(demoEmail.admin), { id: user.id, password: "et-nyt-kodeord-2" });
  },
  "users.setActive": async (as) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.hmu } });
    return setUserActive(await as(demoEmail.admin), { id: user.id, active: false });
  },
  "poolYear.create": async (as) =>
    createPoolYear(await as(demoEmail.finance), { year: 2030, budgetOre: kroner(6_000_000), startsOn: new Date("2030-01-01T00:00:00Z"), note: "" }),
  "poolYear.adjust": async (as) =>
    adjustPoolYear(await as(demoEmail.finance), {
      year: 2027,
      amountOre: kroner(250_000),
      reason: "Tillægsbevilling",
      effectiveOn: new Date("2027-03-01T00:00:00Z"),
      correctsId: null,
    }),
};

beforeAll(resetToDemo);

describe("every mutation is audited", () => {
  it("has a call for every registered mutation", () => {
    expect(Object.keys(CALLS).sort()).toEqual(allMutations.map((m) => m.mutationName).sort());
  });

  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name} writes its audit event in the same transaction`, async () => {
      const requestId = randomUUID();
      await call(async (email) => ({ ...(await actorFor(email)), requestId }));
      const events = await prisma.auditEvent.findMany({ where: { requestId }, select: { action: true, entityType: true, entityId: true } });
      expect(events.length).toBeGreaterThan(0);
      expect(events.map((e) => e.action)).toContain(name);
      for (const event of events) {
        expect(event.entityType).not.toBe("");
        expect(event.entityId).not.toBe("");
      }
    });
  }

  it("rolls back a mutation that writes no audit event", async () => {
    const silent = defineMutation<void, void>("test.silent", {
      permission: "organisation:manage",
      async run({ tx }) {
        await tx.area.create({ data: { code: "SIL", name: "Stille" } });
        return { result: undefined, audit: [] };
      },
    });
    await expect(silent(await actorFor(demoEmail.admin), undefined)).rejects.toThrow(/no audit event/);
    expect(await prisma.area.count({ where: { code: "SIL" } })).toBe(0);
  });

  it("rolls back the change when writing the audit event fails", async () => {
    const broken = defineMutation<void, void>("test.broken", {
      permission: "organisation:manage",
      async run({ tx }) {
        await tx.area.create({ data: { code: "BRK", name: "Brudt" } });
        return { result: undefined, audit: { action: "test.broken", entityType: "Area", entityId: "x", actorId: "no-such-user" } };
      },
    });
    await expect(broken(await actorFor(demoEmail.admin), undefined)).rejects.toThrow();
    expect(await prisma.area.count({ where: { code: "BRK" } })).toBe(0);
  });

  it("refuses a mutation to a user without its permission, changing nothing", async () => {
    const before = await prisma.auditEvent.count();
    await expect(createArea(await actorFor(demoEmail.applicant), { ...areaInput, code: "NOPE" })).rejects.toThrow(/forbidden/);
    expect(await prisma.area.count({ where: { code: "NOPE" } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
