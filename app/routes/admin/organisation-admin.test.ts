import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { auditCount, cookieFor, demoEmail, demoEmailFor, resetToDemo } from "../../../tests/db-utils";
import { callAction, callLoader, fieldErrors, type RouteModule } from "../../../tests/route-utils";
import * as areaEditRoute from "./area-edit";
import * as areaNewRoute from "./area-new";
import * as unitEditRoute from "./unit-edit";
import * as unitNewRoute from "./unit-new";

// Route modules with URL params have typed loader args; the test harness passes plain params.
const areaEdit = areaEditRoute as unknown as RouteModule;
const areaNew = areaNewRoute as unknown as RouteModule;
const unitEdit = unitEditRoute as unknown as RouteModule;
const unitNew = unitNewRoute as unknown as RouteModule;

beforeEach(resetToDemo);

const areaForm = (overrides: Record<string, string> = {}) => ({
  code: "TST",
  name: "Test og Udvikling",
  headName: "Tina Tester",
  sortOrder: "7",
  active: "on",
  ...overrides,
});

async function areaIdOf(code: string) {
  return (await prisma.area.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

async function unitIdOf(areaCode: string, name: string) {
  return (await prisma.unit.findFirstOrThrow({ where: { name, area: { code: areaCode } }, select: { id: true } })).id;
}

/** Rows that any organisation mutation would change, to prove that nothing changed. */
async function organisationState() {
  return {
    areas: await prisma.area.findMany({ orderBy: { id: "asc" } }),
    units: await prisma.unit.findMany({ orderBy: { id: "asc" } }),
    audits: await auditCount(),
  };
}

describe("permissions", () => {
  const nonAdmins = ROLES.filter((r) => r !== "ADMIN");

  async function pages(): Promise<{ module: RouteModule; path: string; params: Record<string, string>; form: Record<string, string> }[]> {
    const areaId = await areaIdOf("BUU");
    const unitId = await unitIdOf("BUU", "Center for Familieindsatser");
    return [
      { module: areaNew, path: "/admin/areas/new", params: {}, form: areaForm() },
      { module: areaEdit, path: `/admin/areas/${areaId}`, params: { areaId }, form: areaForm({ code: "BUU" }) },
      { module: unitNew, path: "/admin/units/new", params: {}, form: { areaId, name: "Ny enhed", active: "on" } },
      { module: unitEdit, path: `/admin/units/${unitId}`, params: { unitId }, form: { areaId, name: "Omdøbt", active: "on" } },
    ];
  }

  it.each(nonAdmins)("answers 403 to %s on every admin loader and action, and changes nothing", async (role) => {
    const cookie = await cookieFor(demoEmailFor(role));
    const before = await organisationState();
    for (const page of await pages()) {
      expect((await callLoader(page.module, page.path, { params: page.params, cookie })).status, page.path).toBe(403);
      expect((await callAction(page.module, page.path, { params: page.params, cookie, form: page.form })).status, page.path).toBe(403);
    }
    expect(await organisationState()).toEqual(before);
  });

  it("sends anonymous visitors to the login page", async () => {
    for (const page of await pages()) {
      expect((await callLoader(page.module, page.path, { params: page.params })).status).toBe(302);
      expect((await callAction(page.module, page.path, { params: page.params, form: page.form })).status).toBe(302);
    }
  });

  it("opens every admin page for the admin", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    for (const page of await pages()) {
      expect((await callLoader(page.module, page.path, { params: page.params, cookie })).status, page.path).toBe(200);
    }
  });
});

describe("create area", () => {
  it("creates an area, upper-cases the code and audits it", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(areaNew, "/admin/areas/new", { cookie, form: areaForm({ code: " tst " }) });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/organisation?ok=areaCreated");
    const area = await prisma.area.findUniqueOrThrow({ where: { code: "TST" } });
    expect(area).toMatchObject({ name: "Test og Udvikling", headName: "Tina Tester", sortOrder: 7, active: true });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.createArea" } });
    expect(event).toMatchObject({ entityType: "Area", entityId: area.id, before: null });
    expect(event.after).toMatchObject({ code: "TST", name: "Test og Udvikling", active: true });
    expect(event.actorId).toBe((await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.admin } })).id);
  });

  it("accepts Danish letters in the code and defaults the sort order", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(areaNew, "/admin/areas/new", { cookie, form: areaForm({ code: "ÆØÅ", sortOrder: "" }) });
    expect(result.status).toBe(302);
    expect(await prisma.area.findUniqueOrThrow({ where: { code: "ÆØÅ" } })).toMatchObject({ sortOrder: 0 });
  });

  it.each([
    ["code", { code: "" }, "validation.required"],
    ["code", { code: "B" }, "org.area.error.codeFormat"],
    ["code", { code: "ABCDEFG" }, "org.area.error.codeFormat"],
    ["code", { code: "B1U" }, "org.area.error.codeFormat"],
    ["code", { code: "BUU" }, "org.area.error.codeTaken"],
    ["code", { code: "buu" }, "org.area.error.codeTaken"],
    ["name", { name: "  " }, "validation.required"],
    ["sortOrder", { sortOrder: "x" }, "validation.integer"],
    ["sortOrder", { sortOrder: "-1" }, "org.area.error.sortOrder"],
  ])("puts an error next to %s (%o) and changes nothing", async (field, overrides, key) => {
    const cookie = await cookieFor(demoEmail.admin);
    const before = await organisationState();
    const result = await callAction(areaNew, "/admin/areas/new", { cookie, form: areaForm(overrides) });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [key] });
    expect(await organisationState()).toEqual(before);
  });
});

describe("edit area", () => {
  it("loads the area and answers 404 for an unknown id", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("VJH");
    const page = await callLoader(areaEdit, `/admin/areas/${areaId}`, { params: { areaId }, cookie });
    expect((page.data as { area: { code: string } }).area.code).toBe("VJH");
    expect((await callLoader(areaEdit, "/admin/areas/nope", { params: { areaId: "nope" }, cookie })).status).toBe(404);
    expect((await callAction(areaEdit, "/admin/areas/nope", { params: { areaId: "nope" }, cookie, form: areaForm() })).status).toBe(404);
  });

  it("renames and deactivates an area (never deletes) and audits before/after", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("VJH");
    const result = await callAction(areaEdit, `/admin/areas/${areaId}`, {
      params: { areaId },
      cookie,
      form: { code: "VJH", name: "Voksne og Handicap", headName: "Jens Holm", sortOrder: "2" }, // active unchecked
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/organisation?ok=areaSaved");
    expect(await prisma.area.findUniqueOrThrow({ where: { id: areaId } })).toMatchObject({ name: "Voksne og Handicap", active: false });
    expect(await prisma.area.count()).toBe(6);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.updateArea" } });
    expect(event.entityId).toBe(areaId);
    expect(event.before).toMatchObject({ name: "Voksne, Job og Handicap", active: true });
    expect(event.after).toMatchObject({ name: "Voksne og Handicap", active: false });
  });

  it("refuses a code used by another area and changes nothing", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("VJH");
    const before = await organisationState();
    const result = await callAction(areaEdit, `/admin/areas/${areaId}`, { params: { areaId }, cookie, form: areaForm({ code: "JUS" }) });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ code: ["org.area.error.codeTaken"] });
    expect(await organisationState()).toEqual(before);
  });
});

describe("create unit", () => {
  it("creates a unit under a parent in the same area and audits it", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("BUU");
    const parentId = await unitIdOf("BUU", "Center for Familieindsatser");
    const result = await callAction(unitNew, "/admin/units/new", {
      cookie,
      form: { areaId, parentId, name: "Familiehuset Syd", costCentre: "4711", active: "on" },
    });
    expect(result.status).toBe(302);
    const unit = await prisma.unit.findFirstOrThrow({ where: { name: "Familiehuset Syd" } });
    expect(result.location).toBe(`/organisation/units/${unit.id}?ok=created`);
    expect(unit).toMatchObject({ areaId, parentId, costCentre: "4711", active: true });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.createUnit" } });
    expect(event).toMatchObject({ entityType: "Unit", entityId: unit.id });
    expect(event.after).toMatchObject({ name: "Familiehuset Syd", parentId, areaId });
  });

  it("allows the same name in another area", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("VJH");
    const result = await callAction(unitNew, "/admin/units/new", { cookie, form: { areaId, name: "Center for Familieindsatser", active: "on" } });
    expect(result.status).toBe(302);
  });

  it("preselects the area from ?areaId= when it exists", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("JSV");
    const page = await callLoader(unitNew, `/admin/units/new?areaId=${areaId}`, { cookie });
    expect((page.data as { areaId: string }).areaId).toBe(areaId);
    const bogus = await callLoader(unitNew, "/admin/units/new?areaId=nope", { cookie });
    expect((bogus.data as { areaId: string }).areaId).toBe("");
  });

  it.each([
    ["areaId", async () => ({ areaId: "" }), "validation.choose"],
    ["areaId", async () => ({ areaId: "no-such-area" }), "validation.choose"],
    ["name", async () => ({ name: "" }), "validation.required"],
    ["name", async () => ({ name: "center for familieindsatser" }), "org.unit.error.nameTaken"],
    ["parentId", async () => ({ parentId: await unitIdOf("VJH", "Center for Job og Handicap") }), "org.unit.error.parentOtherArea"],
    ["parentId", async () => ({ parentId: "no-such-unit" }), "validation.choose"],
  ])("puts an error next to %s and changes nothing", async (field, overrides, key) => {
    const cookie = await cookieFor(demoEmail.admin);
    const areaId = await areaIdOf("BUU");
    const before = await organisationState();
    const result = await callAction(unitNew, "/admin/units/new", {
      cookie,
      form: { areaId, name: "Ny enhed", active: "on", ...(await overrides()) },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ [field]: [key] });
    expect(await organisationState()).toEqual(before);
  });
});

describe("edit unit", () => {
  async function tree() {
    // BUU: Center for Familieindsatser > Familiehuset > Familiehuset Øst
    const areaId = await areaIdOf("BUU");
    const top = await unitIdOf("BUU", "Center for Familieindsatser");
    const mid = await prisma.unit.create({ data: { areaId, parentId: top, name: "Familiehuset" } });
    const leaf = await prisma.unit.create({ data: { areaId, parentId: mid.id, name: "Familiehuset Øst" } });
    return { areaId, top, mid: mid.id, leaf: leaf.id };
  }

  it("offers no parent that would make a cycle", async () => {
    const { top, mid, leaf } = await tree();
    const cookie = await cookieFor(demoEmail.admin);
    const page = await callLoader(unitEdit, `/admin/units/${top}`, { params: { unitId: top }, cookie });
    const options = (page.data as { units: { id: string }[] }).units.map((u) => u.id);
    expect(options).not.toContain(top);
    expect(options).not.toContain(mid);
    expect(options).not.toContain(leaf);
    expect(options).toContain(await unitIdOf("BUU", "Myndighed Børn og Unge"));
  });

  it.each([
    ["its own sub-sub-unit", "leaf"],
    ["its own sub-unit", "mid"],
    ["itself", "top"],
  ] as const)("refuses %s as parent (cycle) and changes nothing", async (_label, which) => {
    const ids = await tree();
    const cookie = await cookieFor(demoEmail.admin);
    const before = await organisationState();
    const result = await callAction(unitEdit, `/admin/units/${ids.top}`, {
      params: { unitId: ids.top },
      cookie,
      form: { areaId: ids.areaId, parentId: ids[which], name: "Center for Familieindsatser", active: "on" },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ parentId: ["org.unit.error.cycle"] });
    expect(await organisationState()).toEqual(before);
  });

  it("refuses to move a unit with sub-units to another area", async () => {
    const { top } = await tree();
    const cookie = await cookieFor(demoEmail.admin);
    const before = await organisationState();
    const result = await callAction(unitEdit, `/admin/units/${top}`, {
      params: { unitId: top },
      cookie,
      form: { areaId: await areaIdOf("VJH"), name: "Center for Familieindsatser", active: "on" },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual({ areaId: ["org.unit.error.hasChildren"] });
    expect(await organisationState()).toEqual(before);
  });

  it("refuses a name taken by another unit in the area", async () => {
    const { areaId, leaf } = await tree();
    const cookie = await cookieFor(demoEmail.admin);
    const result = await callAction(unitEdit, `/admin/units/${leaf}`, {
      params: { unitId: leaf },
      cookie,
      form: { areaId, name: "Myndighed Børn og Unge", active: "on" },
    });
    expect(fieldErrors(result)).toEqual({ name: ["org.unit.error.nameTaken"] });
  });

  it("moves a unit within the tree, renames and deactivates it, and audits before/after", async () => {
    const { areaId, mid, leaf } = await tree();
    const cookie = await cookieFor(demoEmail.admin);
    const newParent = await unitIdOf("BUU", "Myndighed Børn og Unge");
    const result = await callAction(unitEdit, `/admin/units/${mid}`, {
      params: { unitId: mid },
      cookie,
      form: { areaId, parentId: newParent, name: "Familiehuset (lukket)", costCentre: "999" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/organisation/units/${mid}?ok=saved`);
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: mid } })).toMatchObject({
      parentId: newParent,
      name: "Familiehuset (lukket)",
      costCentre: "999",
      active: false,
    });
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: leaf } })).parentId).toBe(mid);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.updateUnit" } });
    expect(event.entityId).toBe(mid);
    expect(event.before).toMatchObject({ name: "Familiehuset", active: true });
    expect(event.after).toMatchObject({ name: "Familiehuset (lukket)", active: false, parentId: newParent });
  });

  it("moves a unit without sub-units to another area", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    const unitId = await unitIdOf("BUU", "Center for Unge og Uddannelse");
    const vjh = await areaIdOf("VJH");
    const result = await callAction(unitEdit, `/admin/units/${unitId}`, {
      params: { unitId },
      cookie,
      form: { areaId: vjh, name: "Center for Unge og Uddannelse", active: "on" },
    });
    expect(result.status).toBe(302);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: unitId } })).areaId).toBe(vjh);
  });

  it("answers 404 for an unknown unit", async () => {
    const cookie = await cookieFor(demoEmail.admin);
    expect((await callLoader(unitEdit, "/admin/units/nope", { params: { unitId: "nope" }, cookie })).status).toBe(404);
    const areaId = await areaIdOf("BUU");
    expect(
      (await callAction(unitEdit, "/admin/units/nope", { params: { unitId: "nope" }, cookie, form: { areaId, name: "X", active: "on" } })).status,
    ).toBe(404);
  });
});
