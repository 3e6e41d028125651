import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { DEMO_FOCUS_AREAS } from "../../prisma/seed-data";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import { createFocusArea, listFocusAreas, updateFocusArea } from "./focus-areas.server";
import { FieldError, PermissionError } from "./mutation.server";

beforeEach(resetToDemo);

async function fieldErrorOf(promise: Promise<unknown>): Promise<FieldError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  return error as FieldError;
}

describe("focus areas", () => {
  it("lists the seeded catalogue, active first", async () => {
    const target = await prisma.focusArea.findFirstOrThrow({ where: { name: "Faglig udvikling" } });
    await prisma.focusArea.update({ where: { id: target.id }, data: { active: false } });
    const list = await listFocusAreas();
    expect(list).toHaveLength(DEMO_FOCUS_AREAS.length);
    expect(list.at(-1)?.name).toBe("Faglig udvikling");
  });

  it("creates a focus area (secretariat or leadership) and audits it", async () => {
    for (const [email, name] of [
      [demoEmail.secretariat, "Bæredygtig drift"],
      [demoEmail.leadership, "Rekruttering og fastholdelse"],
    ] as const) {
      const { id } = await createFocusArea(await actorFor(email), { name: `  ${name} `, description: " Beskrivelse " });
      expect(await prisma.focusArea.findUniqueOrThrow({ where: { id } })).toMatchObject({ name, description: "Beskrivelse", active: true });
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "focusArea.create", entityId: id } });
      expect(event.entityType).toBe("FocusArea");
      expect(event.after).toEqual({ name, description: "Beskrivelse", active: true });
    }
  });

  it("refuses a name already used (ignoring case) or empty, storing nothing", async () => {
    const actor = await actorFor(demoEmail.secretariat);
    const before = { rows: await prisma.focusArea.count(), audits: await auditCount() };
    const clash = await fieldErrorOf(createFocusArea(actor, { name: "ledelseskraft", description: "" }));
    expect(clash).toMatchObject({ field: "name", messageKey: "focusAreas.error.nameExists", vars: { name: "ledelseskraft" } });
    expect(await fieldErrorOf(createFocusArea(actor, { name: "  ", description: "" }))).toMatchObject({ field: "name", messageKey: "validation.required" });
    expect(await fieldErrorOf(createFocusArea(actor, { name: "x".repeat(121), description: "" }))).toMatchObject({ field: "name", messageKey: "validation.tooLong" });
    expect(await fieldErrorOf(createFocusArea(actor, { name: "Ny", description: "x".repeat(1001) }))).toMatchObject({
      field: "description",
      messageKey: "validation.tooLong",
    });
    expect({ rows: await prisma.focusArea.count(), audits: await auditCount() }).toEqual(before);
  });

  it("edits and deactivates a focus area with before/after in the audit", async () => {
    const target = await prisma.focusArea.findFirstOrThrow({ where: { name: "Ledelseskraft" } });
    await updateFocusArea(await actorFor(demoEmail.leadership), { id: target.id, name: "Ledelseskraft", description: "Ny tekst", active: false });
    expect(await prisma.focusArea.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ description: "Ny tekst", active: false });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "focusArea.update", entityId: target.id } });
    expect(event.before).toMatchObject({ name: "Ledelseskraft", active: true });
    expect(event.after).toEqual({ name: "Ledelseskraft", description: "Ny tekst", active: false });
  });

  it("refuses renaming to another focus area's name, or an unknown focus area", async () => {
    const actor = await actorFor(demoEmail.secretariat);
    const target = await prisma.focusArea.findFirstOrThrow({ where: { name: "Ledelseskraft" } });
    const audits = await auditCount();
    expect(await fieldErrorOf(updateFocusArea(actor, { id: target.id, name: "FAGLIG UDVIKLING", description: "", active: true }))).toMatchObject({
      field: "name",
      messageKey: "focusAreas.error.nameExists",
    });
    expect(await fieldErrorOf(updateFocusArea(actor, { id: "nope", name: "X", description: "", active: true }))).toMatchObject({
      field: "",
      messageKey: "focusAreas.error.unknown",
    });
    expect((await prisma.focusArea.findUniqueOrThrow({ where: { id: target.id } })).name).toBe("Ledelseskraft");
    expect(await auditCount()).toBe(audits);
  });

  it("lets only the secretariat and the leadership change the catalogue", async () => {
    const target = await prisma.focusArea.findFirstOrThrow();
    const audits = await auditCount();
    for (const email of [demoEmail.hmu, demoEmail.applicant, demoEmail.areaLead, demoEmail.finance, demoEmail.admin]) {
      const actor = await actorFor(email);
      await expect(createFocusArea(actor, { name: "Forbudt", description: "" }), email).rejects.toBeInstanceOf(PermissionError);
      await expect(updateFocusArea(actor, { id: target.id, name: "Forbudt", description: "", active: false }), email).rejects.toBeInstanceOf(PermissionError);
    }
    expect(await prisma.focusArea.count({ where: { name: "Forbudt" } })).toBe(0);
    expect(await auditCount()).toBe(audits);
  });
});
