// Submission and the applicant's life cycle: every reason an application
// cannot be submitted now (all at once, for the form), the submission that
// freezes the content as an immutable version, and withdrawal.
import { referenceProblems, roundClosedProblem, screeningProblems } from "~/domain/applications/checks";
import { submissionProblems, type ApplicationContent } from "~/domain/applications/content";
import type { Problem } from "~/domain/applications/problems";
import { canTransition, isWithSecretariat } from "~/domain/applications/status";
import type { PermissionSubject } from "~/domain/permissions";
import { screeningSummary } from "~/domain/screening/engine";
import { prisma } from "~/utils/db.server";
import { defineMutation, failOn } from "../mutation.server";
import { notify, recipientsWithRole } from "../notifications.server";
import { loadScreeningSetup, screenContent, verdictsToJson } from "../screening.server";
import { buildSnapshot, contactEmailProblem, contentFromRow, contentSelect, loadForChange, referenceContext, requireRevision, writeContent } from "./content.server";
import { applicantRecipients, notificationVars } from "./recipients.server";
import { applicationScope, requireUser } from "./scope.server";
import { requireTransition } from "./transition.server";

export interface SubmitInput {
  id: string;
  /** The form's content to store and submit; null: submit what is stored. */
  content: ApplicationContent | null;
  /** The content revision the form was opened on (see saveDraft). */
  expectedRevision?: number;
  /** The moment of submission (tests); now by default. */
  now?: Date;
}

/**
 * Every reason the application cannot be submitted now with this content
 * (null: the stored content), without changing anything. Empty = it can.
 */
export async function checkSubmission(input: SubmitInput & { user: PermissionSubject }): Promise<Problem[]> {
  const now = input.now ?? new Date();
  const app = await prisma.application.findUnique({
    where: { id: input.id },
    select: { ...contentSelect, revision: true, round: { select: { opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true } } },
  });
  if (!app) return [{ field: "", key: "applications.error.notFound" }];
  if (!canTransition(app.status, "submit")) return [{ field: "", key: "applications.error.notEditable" }];
  if (input.expectedRevision !== undefined && input.expectedRevision !== app.revision) return [{ field: "", key: "applications.error.staleRevision" }];
  const closed = roundClosedProblem(app.round, app.status, now);
  if (closed) return [closed];
  const content = input.content ?? contentFromRow(app);
  let areaId = app.areaId;
  if (content.unitId && content.unitId !== app.unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: content.unitId }, select: { areaId: true } });
    if (unit) areaId = unit.areaId;
  }
  const problems = [...referenceProblems(content, await referenceContext(prisma, app), app, input.user, areaId), ...submissionProblems(content)];
  const contactProblem = await contactEmailProblem(prisma, content.contactEmail);
  if (contactProblem) problems.push(contactProblem);
  const setup = await loadScreeningSetup(prisma, app.roundId);
  problems.push(...screeningProblems(screenContent(setup, content, areaId), content.softRuleJustification));
  return problems;
}

export const submitApplication = defineMutation<SubmitInput, { versionNo: number }>("application.submit", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    let app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    const status = requireTransition(app.status, "submit", "applications.error.notEditable");
    failOn([roundClosedProblem(app.round, app.status, now)]);
    // A stale page (the content changed since it was shown) is refused, with or without new content.
    requireRevision(app, input.expectedRevision);
    if (input.content) {
      await writeContent(tx, app, input.content, user, (scope) => requireScope("application:edit", scope));
      app = await loadForChange(tx, input.id);
    }
    const content = contentFromRow(app);
    const setup = await loadScreeningSetup(tx, app.roundId);
    const verdicts = screenContent(setup, content, app.areaId);
    failOn([...submissionProblems(content), ...screeningProblems(verdicts, content.softRuleJustification)]);

    const versionNo = app.versionNo + 1;
    const snapshot = await buildSnapshot(tx, app.id);
    await tx.application.update({ where: { id: app.id }, data: { status, submittedAt: now, versionNo } });
    await tx.applicationVersion.create({
      data: {
        applicationId: app.id,
        versionNo,
        content: snapshot as unknown as object,
        screening: verdictsToJson(verdicts),
        guidelineVersionId: setup.guidelineVersionId,
        submittedAt: now,
        submittedById: user.id,
      },
    });
    const vars = notificationVars(app, { by: user.name });
    await notify(tx, { kind: "application.submitted", applicationId: app.id, recipients: await recipientsWithRole(tx, "AREA_LEAD", app.areaId), vars });
    await notify(tx, {
      kind: "application.submittedReceipt",
      applicationId: app.id,
      recipients: [{ userId: user.id, email: user.email, name: user.name }, ...(await applicantRecipients(tx, app))],
      vars,
    });
    const summary = screeningSummary(verdicts);
    return {
      result: { versionNo },
      audit: {
        action: "application.submit",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status, versionNo: app.versionNo },
        after: {
          status,
          versionNo,
          submittedAt: now.toISOString(),
          totalCostOre: app.totalCostOre,
          coFinancingOre: app.coFinancingOre,
          requestedOre: app.requestedOre,
          guidelineVersionId: setup.guidelineVersionId,
          screening: { failures: summary.failures, warnings: summary.warnings },
        },
      },
    };
  },
});

export const withdrawApplication = defineMutation<{ id: string; now?: Date }, { id: string }>("application.withdraw", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    const status = requireTransition(app.status, "withdraw", "applications.error.cannotWithdraw");
    await tx.application.update({ where: { id: app.id }, data: { status, withdrawnAt: now } });
    let told = 0;
    if (app.submittedAt) {
      // It had been submitted: the area lead was waiting for it (and the secretariat, once endorsed).
      const recipients = [
        ...(await recipientsWithRole(tx, "AREA_LEAD", app.areaId)),
        ...(isWithSecretariat(app.status) ? await recipientsWithRole(tx, "SECRETARIAT") : []),
      ];
      told = await notify(tx, { kind: "application.withdrawn", applicationId: app.id, recipients, vars: notificationVars(app, { by: user.name }) });
    }
    return {
      result: { id: app.id },
      audit: {
        action: "application.withdraw",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status },
        after: { status, withdrawnAt: now.toISOString(), notified: told },
      },
    };
  },
});
