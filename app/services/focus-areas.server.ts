// The catalogue of focus areas (fokusområder) the leadership prioritises from
// each year. A focus area is never deleted (prioritisations and applications
// point at it): it is deactivated instead.
import { isUniqueViolation } from "~/utils/db-errors.server";
import { prisma, type Tx } from "~/utils/db.server";
import { defineMutation, FieldError } from "./mutation.server";

export interface FocusAreaView {
  id: string;
  name: string;
  description: string;
  active: boolean;
  updatedAt: Date;
}

const SELECT = { id: true, name: true, description: true, active: true, updatedAt: true } as const;

/** The whole catalogue: active first, then by name. */
export async function listFocusAreas(): Promise<FocusAreaView[]> {
  return prisma.focusArea.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: SELECT });
}

export async function getFocusArea(id: string): Promise<FocusAreaView | null> {
  return prisma.focusArea.findUnique({ where: { id }, select: SELECT });
}

export interface FocusAreaInput {
  name: string;
  description: string;
}

const NAME_MAX = 120;
const DESCRIPTION_MAX = 1000;

function clean(input: FocusAreaInput): FocusAreaInput {
  const name = input.name.trim().replace(/\s+/g, " ");
  const description = input.description.trim();
  if (!name) throw new FieldError("name", "validation.required");
  if (name.length > NAME_MAX) throw new FieldError("name", "validation.tooLong");
  if (description.length > DESCRIPTION_MAX) throw new FieldError("description", "validation.tooLong");
  return { name, description };
}

/** Names are unique regardless of case ("Ledelseskraft" = "ledelseskraft"). */
async function ensureNameFree(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.focusArea.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new FieldError("name", "focusAreas.error.nameExists", { name });
}

export const createFocusArea = defineMutation<FocusAreaInput, { id: string }>("focusArea.create", {
  permission: "focusArea:manage",
  async run({ tx }, input) {
    const value = clean(input);
    await ensureNameFree(tx, value.name, null);
    let created;
    try {
      created = await tx.focusArea.create({ data: { ...value, active: true }, select: SELECT });
    } catch (error) {
      // Two people creating the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw new FieldError("name", "focusAreas.error.nameExists", { name: value.name });
      throw error;
    }
    return {
      result: { id: created.id },
      audit: {
        action: "focusArea.create",
        entityType: "FocusArea",
        entityId: created.id,
        after: { name: created.name, description: created.description, active: created.active },
      },
    };
  },
});

export const updateFocusArea = defineMutation<FocusAreaInput & { id: string; active: boolean }, void>("focusArea.update", {
  permission: "focusArea:manage",
  async run({ tx }, input) {
    const before = await tx.focusArea.findUnique({ where: { id: input.id }, select: SELECT });
    if (!before) throw new FieldError("", "focusAreas.error.unknown");
    const value = clean(input);
    await ensureNameFree(tx, value.name, before.id);
    try {
      await tx.focusArea.update({ where: { id: before.id }, data: { ...value, active: input.active } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new FieldError("name", "focusAreas.error.nameExists", { name: value.name });
      throw error;
    }
    return {
      result: undefined,
      audit: {
        action: "focusArea.update",
        entityType: "FocusArea",
        entityId: before.id,
        before: { name: before.name, description: before.description, active: before.active },
        after: { ...value, active: input.active },
      },
    };
  },
});

/** Every mutation of this service, for the registry. */
export const focusAreaMutations = [createFocusArea, updateFocusArea] as const;
