// Locks for changing guidelines: the catalogue (numbering, adoption) and one
// draft's row. Adopted and superseded versions are refused here, so no change
// can reach them.
import type { GuidelineStatus } from "~/domain/guidelines";
import type { MessageKey } from "~/i18n";
import type { Tx } from "~/utils/db.server";
import { lockKey } from "../locks.server";
import { FieldError } from "../mutation.server";

/** One lock for the whole catalogue of versions: numbering and adoption happen one at a time. */
export async function lockCatalogue(tx: Tx): Promise<void> {
  await lockKey(tx, "guideline-catalogue");
}

const LOCKED_KEYS: Record<Exclude<GuidelineStatus, "DRAFT">, MessageKey> = {
  ADOPTED: "guidelines.error.adopted",
  SUPERSEDED: "guidelines.error.superseded",
};

/**
 * Locks a version's row for the rest of the transaction and returns it; an
 * adopted or superseded version is refused with a Danish form error (nothing
 * has been changed). Locking first means an edit and an adoption of the same
 * draft happen one after the other, never interleaved.
 */
export async function lockDraft(tx: Tx, version: number) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GuidelineVersion" WHERE version = ${version} FOR UPDATE`;
  if (locked.length === 0) throw new FieldError("", "guidelines.error.versionUnknown", { version });
  const row = await tx.guidelineVersion.findUniqueOrThrow({
    where: { version },
    select: { id: true, version: true, title: true, body: true, status: true },
  });
  if (row.status !== "DRAFT") throw new FieldError("", LOCKED_KEYS[row.status], { version });
  return row;
}
