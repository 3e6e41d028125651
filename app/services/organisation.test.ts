import { beforeEach, describe, expect, it } from "vitest";
import { ROLES } from "~/domain/permissions";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, demoEmail, demoEmailFor, resetToDemo } from "../../tests/db-utils";
import { FieldError, PermissionError } from "./mutation.server";
import {
  buildUnitTree,
  createArea,
  createUnit,
  organisationMutations,
  unitOptions,
  updateArea,
  updateUnit,
  withoutSubtree,
} from "./organisation.server";

beforeEach(resetToDemo);

async function areaIdOf(code: string) {
  return (await prisma.area.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

describe("organisationMutations", () => {
  it("lists every organisation mutation, each for admins only", () => {
    expect(organisationMutations.map((m) => m.mutationName)).toEqual([
      "organisation.createArea",
      "organisation.updateArea",
      "organisation.createUnit",
      "organisation.updateUnit",
    ]);
    expect(new Set(organisationMutations.map((m) => m.permission))).toEqual(new Set(["organisation:manage"]));
  });

  it.each(ROLES.filter((r) => r !== "ADMIN"))("refuses %s with 403 and writes nothing", async (role) => {
    const actor = await actorFor(demoEmailFor(role));
    const areaId = await areaIdOf("BUU");
    const unitId = (await prisma.unit.findFirstOrThrow({ where: { areaId } })).id;
    const area = { code: "NYT", name: "Nyt", headName: "", sortOrder: 1, active: true };
    const unit = { areaId, parentId: null, name: "Ny", costCentre: "", active: true };
    const before = await auditCount();
    for (const call of [
      () => createArea(actor, area),
      () => updateArea(actor, { id: areaId, ...area }),
      () => createUnit(actor, unit),
      () => updateUnit(actor, { id: unitId, ...unit }),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "PermissionError", status: 403 });
    }
    expect(await auditCount()).toBe(before);
    expect(await prisma.area.count()).toBe(6);
  });
});

describe("rules in the service (also when called without a form)", () => {
  it("normalises and checks the area code", async () => {
    const admin = await actorFor(demoEmail.admin);
    const { id } = await createArea(admin, { code: " øko ", name: " Økonomi ", headName: "", sortOrder: 3, active: true });
    expect(await prisma.area.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: "ØKO", name: "Økonomi" });
    await expect(createArea(admin, { code: "X1", name: "X", headName: "", sortOrder: 0, active: true })).rejects.toEqual(
      new FieldError("code", "org.area.error.codeFormat"),
    );
    await expect(createArea(admin, { code: "ØKO", name: "X", headName: "", sortOrder: 0, active: true })).rejects.toEqual(
      new FieldError("code", "org.area.error.codeTaken"),
    );
  });

  it("answers 404 for unknown ids", async () => {
    const admin = await actorFor(demoEmail.admin);
    await expect(updateArea(admin, { id: "nope", code: "ABC", name: "X", headName: "", sortOrder: 0, active: true })).rejects.toBeInstanceOf(PermissionError);
    await expect(
      updateUnit(admin, { id: "nope", areaId: await areaIdOf("BUU"), parentId: null, name: "X", costCentre: "", active: true }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("finds cycles at any depth", async () => {
    const admin = await actorFor(demoEmail.admin);
    const areaId = await areaIdOf("OFS");
    const base = { areaId, costCentre: "", active: true };
    const a = await createUnit(admin, { ...base, parentId: null, name: "A" });
    const b = await createUnit(admin, { ...base, parentId: a.id, name: "B" });
    const c = await createUnit(admin, { ...base, parentId: b.id, name: "C" });
    const d = await createUnit(admin, { ...base, parentId: c.id, name: "D" });
    const before = await auditCount("organisation.updateUnit");
    await expect(updateUnit(admin, { id: a.id, ...base, parentId: d.id, name: "A" })).rejects.toEqual(
      new FieldError("parentId", "org.unit.error.cycle"),
    );
    expect(await auditCount("organisation.updateUnit")).toBe(before);
    // Moving D up under A is fine.
    await updateUnit(admin, { id: d.id, ...base, parentId: a.id, name: "D" });
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: d.id } })).parentId).toBe(a.id);
    expect(await auditCount("organisation.updateUnit")).toBe(before + 1);
  });
});

describe("unit tree helpers", () => {
  const units = [
    { id: "c", parentId: "a", name: "Cø", active: true, costCentre: "" },
    { id: "a", parentId: null, name: "Bb", active: true, costCentre: "" },
    { id: "b", parentId: null, name: "Ba", active: false, costCentre: "" },
    { id: "d", parentId: "c", name: "D", active: true, costCentre: "" },
    { id: "e", parentId: "missing", name: "E", active: true, costCentre: "" },
  ];

  it("nests units under their parents, sorted by name, with orphans as roots", () => {
    const tree = buildUnitTree(units);
    expect(tree.map((n) => n.id)).toEqual(["b", "a", "e"]);
    expect(tree[1]!.children.map((n) => n.id)).toEqual(["c"]);
    expect(tree[1]!.children[0]!.children.map((n) => n.id)).toEqual(["d"]);
  });

  it("removes a unit with its whole subtree from the options", async () => {
    const admin = await actorFor(demoEmail.admin);
    const areaId = await areaIdOf("BUU");
    const top = (await prisma.unit.findFirstOrThrow({ where: { areaId, name: "Center for Familieindsatser" } })).id;
    const child = await createUnit(admin, { areaId, parentId: top, name: "Barn", costCentre: "", active: true });
    await createUnit(admin, { areaId, parentId: child.id, name: "Barnebarn", costCentre: "", active: true });
    const options = await unitOptions();
    const kept = withoutSubtree(options, top);
    expect(options.length - kept.length).toBe(3);
    expect(kept.some((o) => ["Center for Familieindsatser", "Barn", "Barnebarn"].includes(o.name))).toBe(false);
    expect(options.find((o) => o.name === "Barnebarn")!.depth).toBe(2);
    expect(withoutSubtree(options, "unknown")).toHaveLength(options.length);
  });
});
