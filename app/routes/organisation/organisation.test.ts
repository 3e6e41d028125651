import { beforeEach, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callLoader, type RouteModule } from "../../../tests/route-utils";
import * as indexRoute from "./index";
import * as unitPageRoute from "./unit";

// Route modules with URL params have typed loader args; the test harness passes plain params.
const unitPage = unitPageRoute as unknown as RouteModule;
const index = indexRoute as unknown as RouteModule;

beforeEach(resetToDemo);

interface UnitView {
  id: string;
  name: string;
  active: boolean;
  canRead: boolean;
  children: UnitView[];
}
interface OrgData {
  canManage: boolean;
  ok: string | null;
  areas: { id: string; code: string; name: string; headName: string; active: boolean; units: UnitView[] }[];
}
interface UnitData {
  canManage: boolean;
  unit: { id: string; name: string; costCentre: string; active: boolean; area: { code: string }; parent: { id: string; name: string } | null; children: { name: string }[] };
  staff: { name: string; email: string; roles: string[] }[];
}

async function unitId(areaCode: string, name: string): Promise<string> {
  const unit = await prisma.unit.findFirstOrThrow({ where: { name, area: { code: areaCode } }, select: { id: true } });
  return unit.id;
}

function flatten(units: UnitView[]): UnitView[] {
  return units.flatMap((u) => [u, ...flatten(u.children)]);
}

async function organisationAs(email: string): Promise<OrgData> {
  const result = await callLoader(index, "/organisation", { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return result.data as OrgData;
}

async function unitStatus(email: string, id: string): Promise<number> {
  const result = await callLoader(unitPage, `/organisation/units/${id}`, { params: { unitId: id }, cookie: await cookieFor(email) });
  return result.status;
}

describe("/organisation", () => {
  it("sends anonymous visitors to the login page", async () => {
    const result = await callLoader(index, "/organisation");
    expect(result.status).toBe(302);
    expect(result.location).toContain("/login");
  });

  it.each(ROLES)("shows the six areas with their units to %s", async (role: Role) => {
    const data = await organisationAs(demoEmailFor(role));
    expect(data.areas.map((a) => a.code)).toEqual(["BUU", "VJH", "JUS", "JSV", "ØAD", "OFS"]);
    const buu = data.areas[0]!;
    expect(buu.name).toBe("Børn, Unge og Uddannelse");
    expect(buu.headName).toBe("Mette Kjær");
    expect(buu.units.map((u) => u.name)).toContain("Center for Familieindsatser");
    expect(data.canManage).toBe(role === "ADMIN");
  });

  it("links a unit only when the user may read it", async () => {
    const own = await unitId("BUU", "Center for Familieindsatser");
    const applicant = flatten((await organisationAs(demoEmail.applicant)).areas.flatMap((a) => a.units));
    expect(applicant.filter((u) => u.canRead).map((u) => u.id)).toEqual([own]);

    const lead = await organisationAs(demoEmail.areaLead);
    for (const area of lead.areas) {
      for (const unit of flatten(area.units)) expect(unit.canRead).toBe(area.code === "BUU");
    }

    const hmu = flatten((await organisationAs(demoEmail.hmu)).areas.flatMap((a) => a.units));
    expect(hmu.some((u) => u.canRead)).toBe(false);

    for (const email of [demoEmail.secretariat, demoEmail.leadership, demoEmail.finance, demoEmail.admin]) {
      const all = flatten((await organisationAs(email)).areas.flatMap((a) => a.units));
      expect(all.every((u) => u.canRead)).toBe(true);
    }
  });

  it("shows nested units as a tree and marks inactive ones", async () => {
    const parentId = await unitId("BUU", "Center for Familieindsatser");
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "BUU" } });
    const child = await prisma.unit.create({ data: { areaId: area.id, parentId, name: "Familiehuset Vest", active: false } });
    await prisma.area.update({ where: { code: "JUS" }, data: { active: false } });

    const data = await organisationAs(demoEmail.secretariat);
    const buu = data.areas.find((a) => a.code === "BUU")!;
    const parent = buu.units.find((u) => u.id === parentId)!;
    expect(parent.children).toEqual([expect.objectContaining({ id: child.id, name: "Familiehuset Vest", active: false })]);
    expect(buu.units.some((u) => u.id === child.id)).toBe(false); // not a root
    expect(data.areas.find((a) => a.code === "JUS")!.active).toBe(false);
  });

  it("shows a known success message only", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const ok = await callLoader(index, "/organisation?ok=areaCreated", { cookie });
    expect((ok.data as OrgData).ok).toBe("org.ok.areaCreated");
    const bogus = await callLoader(index, "/organisation?ok=constructor", { cookie });
    expect((bogus.data as OrgData).ok).toBeNull();
  });
});

describe("/organisation/units/:unitId", () => {
  it("shows the unit, its area, parent, cost centre and active staff", async () => {
    const id = await unitId("BUU", "Center for Familieindsatser");
    await prisma.unit.update({ where: { id }, data: { costCentre: "10203040" } });
    await prisma.user.create({ data: { email: "gone@demo.aarhus.dk", name: "Gitte Gammel", unitId: id, active: false } });
    const result = await callLoader(unitPage, `/organisation/units/${id}`, { params: { unitId: id }, cookie: await cookieFor(demoEmail.applicant) });
    expect(result.status).toBe(200);
    const data = result.data as UnitData;
    expect(data.unit).toMatchObject({ name: "Center for Familieindsatser", costCentre: "10203040", area: { code: "BUU" }, parent: null });
    expect(data.staff).toEqual([{ id: expect.any(String), name: "Anna Andersen", email: demoEmail.applicant, roles: ["APPLICANT"] }]);
    expect(data.canManage).toBe(false);
  });

  it("shows the parent and sub-units", async () => {
    const parentId = await unitId("VJH", "Center for Job og Handicap");
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "VJH" } });
    const child = await prisma.unit.create({ data: { areaId: area.id, parentId, name: "Jobcenter Nord" } });
    const cookie = await cookieFor(demoEmail.admin);
    const childPage = await callLoader(unitPage, `/organisation/units/${child.id}`, { params: { unitId: child.id }, cookie });
    expect((childPage.data as UnitData).unit.parent).toMatchObject({ id: parentId, name: "Center for Job og Handicap" });
    expect((childPage.data as UnitData).canManage).toBe(true);
    const parentPage = await callLoader(unitPage, `/organisation/units/${parentId}`, { params: { unitId: parentId }, cookie });
    expect((parentPage.data as UnitData).unit.children.map((c) => c.name)).toEqual(["Jobcenter Nord"]);
  });

  it("lets an applicant see only their own unit (404 elsewhere, also in their own area)", async () => {
    expect(await unitStatus(demoEmail.applicant, await unitId("BUU", "Center for Familieindsatser"))).toBe(200);
    expect(await unitStatus(demoEmail.applicant, await unitId("VJH", "Center for Bo- og Dagtilbud"))).toBe(404);
    expect(await unitStatus(demoEmail.applicant, await unitId("BUU", "Myndighed Børn og Unge"))).toBe(404);
  });

  it("lets an applicant with an explicit unit grant see that unit", async () => {
    const granted = await unitId("BUU", "Center for Unge og Uddannelse");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.applicant } });
    await prisma.userRole.updateMany({ where: { userId: user.id, role: "APPLICANT" }, data: { unitId: granted } });
    expect(await unitStatus(demoEmail.applicant, granted)).toBe(200);
    expect(await unitStatus(demoEmail.applicant, await unitId("BUU", "Center for Familieindsatser"))).toBe(404);
  });

  it("lets an area lead see the units of their area only", async () => {
    const buuUnits = await prisma.unit.findMany({ where: { area: { code: "BUU" } }, select: { id: true } });
    for (const u of buuUnits) expect(await unitStatus(demoEmail.areaLead, u.id)).toBe(200);
    const vjhUnits = await prisma.unit.findMany({ where: { area: { code: "VJH" } }, select: { id: true } });
    for (const u of vjhUnits) expect(await unitStatus(demoEmail.areaLead, u.id)).toBe(404);
  });

  it("refuses HMU (403) and anonymous visitors (login)", async () => {
    const id = await unitId("BUU", "Center for Familieindsatser");
    expect(await unitStatus(demoEmail.hmu, id)).toBe(403);
    const anonymous = await callLoader(unitPage, `/organisation/units/${id}`, { params: { unitId: id } });
    expect(anonymous.status).toBe(302);
  });

  it("lets secretariat, leadership, finance and admin see every unit", async () => {
    const vjh = await unitId("VJH", "Myndighed Voksne med Handicap");
    const buu = await unitId("BUU", "Center for Familieindsatser");
    for (const email of [demoEmail.secretariat, demoEmail.leadership, demoEmail.finance, demoEmail.admin]) {
      expect(await unitStatus(email, vjh)).toBe(200);
      expect(await unitStatus(email, buu)).toBe(200);
    }
  });

  it("answers 404 for a unit that does not exist", async () => {
    expect(await unitStatus(demoEmail.admin, "no-such-unit")).toBe(404);
    expect(await unitStatus(demoEmail.applicant, "no-such-unit")).toBe(404);
  });
});
