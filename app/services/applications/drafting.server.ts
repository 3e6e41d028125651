// Drafting an application (kladde): creating it in an open round with the
// pool year's next reference, and saving its content as often as needed.
import { applicationReference } from "~/domain/applications/amounts";
import type { ApplicationContent } from "~/domain/applications/content";
import { INITIAL_STATUS, isEditable } from "~/domain/applications/status";
import { applicantUnitIds } from "~/domain/permissions";
import { roundStatus } from "~/domain/rounds";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { lockPoolYear } from "../locks.server";
import { defineMutation, FieldError } from "../mutation.server";
import { contentFromRow, contentSummary, loadForChange, requireRevision, writeContent } from "./content.server";
import { applicationScope, requireUser } from "./scope.server";

export interface CreateApplicationInput {
  roundId: string;
  unitId: string;
  now?: Date;
}

export const createApplication = defineMutation<CreateApplicationInput, { id: string; reference: string }>("application.create", {
  permission: "application:create",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, areaId: true, active: true } });
    if (!unit || !unit.active || !applicantUnitIds(user).includes(unit.id)) throw new FieldError("unitId", "validation.choose");
    requireScope("application:create", { areaId: unit.areaId, unitId: unit.id });
    const round = await tx.round.findUnique({
      where: { id: input.roundId },
      select: { id: true, opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true, poolYear: { select: { id: true, year: true } } },
    });
    if (!round || roundStatus(round, now) !== "open") throw new FieldError("roundId", "applications.error.roundNotOpen");
    // Lock the pool year, then count: a simultaneous creation waits here and counts ours.
    await lockPoolYear(tx, round.poolYear.id);
    let sequence = (await tx.application.count({ where: { round: { poolYearId: round.poolYear.id } } })) + 1;
    let reference = applicationReference(round.poolYear.year, sequence);
    while (await tx.application.findUnique({ where: { reference }, select: { id: true } })) {
      sequence += 1;
      reference = applicationReference(round.poolYear.year, sequence);
    }
    let created;
    try {
      created = await tx.application.create({
        data: {
          reference,
          roundId: round.id,
          unitId: unit.id,
          areaId: unit.areaId,
          createdById: user.id,
          status: INITIAL_STATUS,
          contactName: user.name,
          contactEmail: user.email,
        },
        select: { id: true, reference: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new FieldError("", "error.409");
      throw error;
    }
    return {
      result: created,
      audit: {
        action: "application.create",
        entityType: "Application",
        entityId: created.id,
        after: { reference: created.reference, status: INITIAL_STATUS, roundId: round.id, unitId: unit.id, areaId: unit.areaId },
      },
    };
  },
});

export interface SaveDraftInput {
  id: string;
  content: ApplicationContent;
  /**
   * The content revision the form was opened on: a save on an older one is
   * refused and writes nothing (two saves of one draft at once: the second
   * is told, never silently overwrites the first).
   */
  expectedRevision?: number;
}

export const saveDraft = defineMutation<SaveDraftInput, { id: string }>("application.saveDraft", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    if (!isEditable(app.status)) throw new FieldError("", "applications.error.notEditable");
    requireRevision(app, input.expectedRevision);
    const before = contentFromRow(app);
    const { amounts, unitId, areaId } = await writeContent(tx, app, input.content, user, (scope) => requireScope("application:edit", scope));
    return {
      result: { id: app.id },
      audit: {
        action: "application.saveDraft",
        entityType: "Application",
        entityId: app.id,
        before: {
          unitId: app.unitId,
          ...contentSummary(before, { totalCostOre: app.totalCostOre, coFinancingOre: app.coFinancingOre, requestedOre: app.requestedOre }),
          revision: app.revision,
        },
        after: { unitId, areaId, ...contentSummary(input.content, amounts), revision: app.revision + 1 },
      },
    };
  },
});
