// The area's endorsement (indstilling): the area lead endorses a submitted
// application, or the secretariat does so on the lead's behalf with a written
// reason (the lead's own application, or the lead absent before the deadline);
// and the return for changes (sendt tilbage til ændringer).
import { endorsementOnBehalfProblems, endorsementProblems, endorsementRankProblem, returnsWithoutDeadline } from "~/domain/applications/checks";
import type { Problem } from "~/domain/applications/problems";
import type { Tx } from "~/utils/db.server";
import { lockKey } from "../locks.server";
import { defineMutation, failOn, type MutationContext } from "../mutation.server";
import { notify, recipientsWithRole } from "../notifications.server";
import { loadForChange, type StoredApp } from "./content.server";
import { applicantRecipients, notificationVars } from "./recipients.server";
import { applicationScope, requireUser } from "./scope.server";
import { requireTransition } from "./transition.server";

/**
 * One endorsement or ranking at a time per round and area (transaction-scoped
 * advisory lock): rank uniqueness is checked by reading, so two at once would
 * otherwise both see a rank as free.
 */
export async function lockEndorsementRanks(tx: Tx, roundId: string, areaId: string): Promise<void> {
  await lockKey(tx, `${roundId}:${areaId}`);
}

/** The rank is free among the area's applications in the round, or the problem with it. */
async function rankTakenProblem(tx: Tx, app: StoredApp, rank: number | null): Promise<Problem | null> {
  if (rank === null || endorsementRankProblem(rank)) return endorsementRankProblem(rank);
  const taken = await tx.application.findFirst({
    where: { roundId: app.roundId, areaId: app.areaId, endorsementRank: rank, status: { notIn: ["WITHDRAWN", "RETURNED"] }, id: { not: app.id } },
    select: { reference: true },
  });
  return taken ? { field: "rank", key: "applications.error.rankTaken", vars: { rank, reference: taken.reference } } : null;
}

/** Endorses the locked application: status, endorser, rank, the comment and the notifications. */
async function endorse(ctx: MutationContext, app: StoredApp, input: { rank: number | null; comment: string; commentKind: string; now: Date }) {
  const user = requireUser(ctx.actor);
  const status = requireTransition(app.status, "endorse", "applications.error.cannotEndorse");
  await ctx.tx.application.update({
    where: { id: app.id },
    data: { status, endorsedAt: input.now, endorsedById: user.id, endorsementRank: input.rank },
  });
  if (input.comment) await ctx.tx.applicationComment.create({ data: { applicationId: app.id, authorId: user.id, kind: input.commentKind, body: input.comment } });
  await notify(ctx.tx, {
    kind: "application.endorsed",
    applicationId: app.id,
    recipients: [...(await applicantRecipients(ctx.tx, app)), ...(await recipientsWithRole(ctx.tx, "SECRETARIAT"))],
    vars: notificationVars(app, { by: user.name, comment: input.comment }),
  });
  return status;
}

export interface EndorseInput {
  id: string;
  comment: string;
  rank: number | null;
  now?: Date;
}

export const endorseApplication = defineMutation<EndorseInput, { id: string }>("application.endorse", {
  permission: "application:endorse",
  async run(ctx, input) {
    const { tx, actor, requireScope } = ctx;
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:endorse", applicationScope(app));
    failOn(endorsementProblems({ ...app, endorsementDeadline: app.round.endorsementDeadline }, user.id, now));
    await lockEndorsementRanks(tx, app.roundId, app.areaId);
    failOn([await rankTakenProblem(tx, app, input.rank)]);
    const comment = input.comment.trim();
    const status = await endorse(ctx, app, { rank: input.rank, comment, commentKind: "ENDORSE", now });
    return {
      result: { id: app.id },
      audit: {
        action: "application.endorse",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status },
        after: { status, endorsedAt: now.toISOString(), endorsementRank: input.rank, comment: comment || null },
      },
    };
  },
});

export interface EndorseOnBehalfInput {
  id: string;
  /** Why the secretariat endorses instead of the area lead (required; the timeline shows it). */
  reason: string;
  rank: number | null;
  now?: Date;
}

/**
 * The secretariat endorses on the area lead's behalf: when the lead created the
 * application (and may not endorse their own), or is absent before the
 * deadline. The reason is kept as a comment and in the audit event.
 */
export const endorseOnBehalf = defineMutation<EndorseOnBehalfInput, { id: string }>("application.endorseOnBehalf", {
  permission: "application:endorseOnBehalf",
  async run(ctx, input) {
    const { tx, actor, requireScope } = ctx;
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:endorseOnBehalf", applicationScope(app));
    const reason = input.reason.trim();
    failOn(endorsementOnBehalfProblems({ ...app, endorsementDeadline: app.round.endorsementDeadline }, user.id, reason, now));
    await lockEndorsementRanks(tx, app.roundId, app.areaId);
    failOn([await rankTakenProblem(tx, app, input.rank)]);
    const status = await endorse(ctx, app, { rank: input.rank, comment: reason, commentKind: "ENDORSE_ON_BEHALF", now });
    return {
      result: { id: app.id },
      audit: {
        action: "application.endorseOnBehalf",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status },
        after: { status, endorsedAt: now.toISOString(), endorsementRank: input.rank, reason },
      },
    };
  },
});

export interface ReturnInput {
  id: string;
  comment: string;
  now?: Date;
}

export const returnApplication = defineMutation<ReturnInput, { id: string }>("application.return", {
  permission: "application:return",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:return", applicationScope(app));
    const status = requireTransition(app.status, "return", "applications.error.cannotReturn");
    const comment = input.comment.trim();
    failOn([
      !returnsWithoutDeadline(user) && now > app.round.endorsementDeadline
        ? { field: "", key: "applications.error.returnDeadlinePassed", vars: { deadline: app.round.endorsementDeadline } }
        : null,
      comment ? null : { field: "comment", key: "applications.error.returnCommentRequired" },
    ]);
    const before = await tx.application.findUniqueOrThrow({
      where: { id: app.id },
      select: { status: true, endorsedAt: true, endorsedById: true, endorsementRank: true },
    });
    await tx.application.update({
      where: { id: app.id },
      data: { status, endorsedAt: null, endorsedById: null, endorsementRank: null },
    });
    await tx.applicationComment.create({ data: { applicationId: app.id, authorId: user.id, kind: "RETURN", body: comment } });
    // The area lead whose endorsement the return cancels is told too (unless they return it themselves).
    const endorser =
      before.endorsedById && before.endorsedById !== user.id
        ? await tx.user.findUnique({ where: { id: before.endorsedById }, select: { id: true, email: true, name: true, active: true } })
        : null;
    await notify(tx, {
      kind: "application.returned",
      applicationId: app.id,
      recipients: [...(await applicantRecipients(tx, app)), ...(endorser?.active ? [{ userId: endorser.id, email: endorser.email, name: endorser.name }] : [])],
      vars: notificationVars(app, { by: user.name, comment }),
    });
    return {
      result: { id: app.id },
      audit: {
        action: "application.return",
        entityType: "Application",
        entityId: app.id,
        before: { status: before.status, endorsedAt: before.endorsedAt?.toISOString() ?? null, endorsementRank: before.endorsementRank },
        after: { status, comment },
      },
    };
  },
});
