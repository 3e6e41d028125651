// /applications/:applicationId — one application: its content (a submitted one
// as its latest frozen version), status, amounts, screening, comments,
// attachments, timeline, and the actions the viewer may take (each a separate
// form with an intent; withdraw asks for confirmation first).
import { Alert } from "~/components/ui/alert";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { Submission } from "@conform-to/dom";
import { data, Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/application";
import { EndorseForm, ReturnForm, SubmitForm, WithdrawForm } from "~/components/applications/actions";
import { AttachmentsPanel } from "~/components/applications/attachments-panel";
import { ApplicationContent, MultilineText } from "~/components/applications/content";
import { EndorseOnBehalfForm } from "~/components/applications/endorse-on-behalf";
import { costLineNumber, EndorseOnBehalfSchema, EndorseSchema, fieldLabelKey, ReturnSchema, SubmitSchema, WithdrawSchema } from "~/components/applications/schema";
import { ScreeningVerdicts } from "~/components/applications/screening";
import { ApplicationStatusLabel } from "~/components/applications/status";
import { Timeline } from "~/components/applications/timeline";
import { SuccessMessage } from "~/components/ui/forms";
import { UserText } from "~/components/ui/user-text";
import { availableActions } from "~/domain/applications/checks";
import { isEditable, submissionDeadline } from "~/domain/applications/status";
import { can, type Action, type RecordScope } from "~/domain/permissions";
import { formatDateTime, formatInteger, translate, type Lang, type MessageKey } from "~/i18n";
import { applicationScope, findApplicationScope } from "~/services/applications/scope.server";
import { checkSubmission, submitApplication, withdrawApplication } from "~/services/applications/submission.server";
import { endorseApplication, endorseOnBehalf, returnApplication } from "~/services/applications/endorsement.server";
import { getApplicationDetail } from "~/services/applications/queries.server";
import { actorFor } from "~/services/mutation.server";
import { getTimeline } from "~/services/timeline.server";
import { attempt, problemMessage } from "~/utils/action.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { forbidden, notFound, requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { requireUser, type SessionUser } from "~/utils/session.server";

const ACTION_PERMISSIONS: readonly Action[] = ["application:edit", "application:endorse", "application:endorseOnBehalf", "application:return"];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:read");
  const found = requireRecordAccess(user, "application:read", await findApplicationScope(params.applicationId), applicationScope);
  const lang = await getLang(request);
  const now = new Date();
  const detail = await getApplicationDetail(found.id, lang, now);
  if (!detail) notFound();
  const actions = availableActions(user, detail);
  // A draft (or a returned application its applicant is changing) shows its current content;
  // otherwise the content as last submitted.
  const latest = detail.latestVersion;
  const showDraft = !latest || detail.status === "DRAFT" || (isEditable(detail.status) && actions.edit);
  const { draft, draftScreening, latestVersion: _latest, ...application } = detail;
  return {
    application,
    shown: showDraft
      ? { kind: "draft" as const, versionNo: null, submittedAt: null, content: draft, screening: draftScreening }
      : { kind: "version" as const, versionNo: latest.versionNo, submittedAt: latest.submittedAt, content: latest.content, screening: latest.screening },
    actions,
    endorsementOpen: now <= detail.round.endorsementDeadline,
    // The draft-time history (saves, files added and removed) only for the applying unit's readers.
    timeline: await getTimeline(found.id, { draftHistory: can(user, "application:read", { areaId: found.areaId, unitId: found.unitId, unitPrivate: true }) }),
  };
}

type Intent = "submit" | "withdraw" | "endorse" | "endorseOnBehalf" | "return";

function reply(intent: Intent | null, submission: Submission<unknown>, formErrors: string[], status = 400) {
  return data({ intent, result: submission.reply({ formErrors }) }, { status });
}

/** Problems found before submitting (the stored draft) as sentences naming the field. */
function problemSentences(problems: Awaited<ReturnType<typeof checkSubmission>>, lang: Lang): string[] {
  return problems.map((problem) => {
    const message = problemMessage(problem, lang);
    const labelKey = fieldLabelKey(problem.field);
    if (!labelKey) return message;
    const line = costLineNumber(problem.field);
    const label = line ? translate(lang, "applications.costLines.fieldOfLine", { number: line, field: translate(lang, labelKey) }) : translate(lang, labelKey);
    return `${label}: ${message}`;
  });
}

/** 403 when the user may not do this at all; 404 when not for this application. */
function requireActionOn(user: SessionUser, action: Action, scope: RecordScope) {
  if (!can(user, action)) forbidden();
  if (!can(user, action, scope)) notFound();
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  if (!ACTION_PERMISSIONS.some((permission) => can(user, permission))) forbidden();
  const found = requireRecordAccess(user, "application:read", await findApplicationScope(params.applicationId), applicationScope);
  const scope = applicationScope(found);
  const formData = await readForm(request);
  const rawIntent = formData.get("intent");
  const lang = await getLang(request);
  const actor = actorFor(request, user);
  const back = (ok: string) => redirect(`/applications/${found.id}?ok=${ok}`);

  switch (rawIntent) {
    case "submit": {
      requireActionOn(user, "application:edit", scope);
      const submission = parseSubmission(formData, SubmitSchema);
      const expectedRevision = submission.status === "success" ? submission.value.revision : undefined;
      const problems = await checkSubmission({ id: found.id, content: null, user, expectedRevision });
      if (problems.length > 0) {
        const fieldProblems = problems.filter((p) => p.field !== "");
        const sentences = problemSentences(problems, lang);
        if (fieldProblems.length > 0) sentences.push(translate(lang, "applications.detail.fixInForm"));
        return reply("submit", submission, sentences);
      }
      const outcome = await attempt(submission, () => submitApplication(actor, { id: found.id, content: null, expectedRevision }), lang);
      if (!outcome.ok) return data({ intent: "submit" as const, result: outcome.response.data.result }, outcome.response.init ?? { status: 400 });
      throw back("submitted");
    }
    case "withdraw": {
      requireActionOn(user, "application:edit", scope);
      const submission = parseSubmission(formData, WithdrawSchema);
      if (submission.status !== "success") return reply("withdraw", submission, ["applications.error.confirmWithdraw"]);
      const outcome = await attempt(submission, () => withdrawApplication(actor, { id: found.id }), lang);
      if (!outcome.ok) return data({ intent: "withdraw" as const, result: outcome.response.data.result }, outcome.response.init ?? { status: 400 });
      throw back("withdrawn");
    }
    case "endorse": {
      requireActionOn(user, "application:endorse", scope);
      const submission = parseSubmission(formData, EndorseSchema);
      if (submission.status !== "success") return data({ intent: "endorse" as const, result: submission.reply() }, { status: 400 });
      const { comment, rank } = submission.value;
      const outcome = await attempt(submission, () => endorseApplication(actor, { id: found.id, comment, rank: rank ?? null }), lang);
      if (!outcome.ok) return data({ intent: "endorse" as const, result: outcome.response.data.result }, outcome.response.init ?? { status: 400 });
      throw back("endorsed");
    }
    case "endorseOnBehalf": {
      requireActionOn(user, "application:endorseOnBehalf", scope);
      const submission = parseSubmission(formData, EndorseOnBehalfSchema);
      if (submission.status !== "success") return data({ intent: "endorseOnBehalf" as const, result: submission.reply() }, { status: 400 });
      const { reason, rank } = submission.value;
      const outcome = await attempt(submission, () => endorseOnBehalf(actor, { id: found.id, reason, rank: rank ?? null }), lang);
      if (!outcome.ok) return data({ intent: "endorseOnBehalf" as const, result: outcome.response.data.result }, outcome.response.init ?? { status: 400 });
      throw back("endorsedOnBehalf");
    }
    case "return": {
      requireActionOn(user, "application:return", scope);
      const submission = parseSubmission(formData, ReturnSchema);
      if (submission.status !== "success") return data({ intent: "return" as const, result: submission.reply() }, { status: 400 });
      const outcome = await attempt(submission, () => returnApplication(actor, { id: found.id, comment: submission.value.comment }), lang);
      if (!outcome.ok) return data({ intent: "return" as const, result: outcome.response.data.result }, outcome.response.init ?? { status: 400 });
      throw back("returned");
    }
    default:
      return reply(null, parseSubmission(formData, SubmitSchema), ["applications.error.unknownIntent"]);
  }
}

const OK_MESSAGES: Record<string, MessageKey> = {
  submitted: "applications.ok.submitted",
  withdrawn: "applications.ok.withdrawn",
  endorsed: "applications.ok.endorsed",
  endorsedOnBehalf: "applications.endorseOnBehalf.done",
  returned: "applications.ok.returned",
};

export default function ApplicationPage() {
  const t = useT();
  const lang = useLang();
  const { application, shown, actions, endorsementOpen, timeline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ok = searchParams.get("ok");
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  const round = application.round;
  const anyAction = actions.edit || actions.submit || actions.withdraw || actions.endorse || actions.endorseOnBehalf || actions.return;
  // While the application is back with the applicant, the latest return comment says what to change: at the top.
  const returnComment = application.status === "RETURNED" ? application.comments.findLast((c) => c.kind === "RETURN") : undefined;
  return (
    <>
      {ok && Object.hasOwn(OK_MESSAGES, ok) ? <SuccessMessage>{t(OK_MESSAGES[ok]!)}</SuccessMessage> : null}
      <p>
        <Link to="/applications">{t("applications.backToList")}</Link>
      </p>
      <h1 data-testid="application-title">{shown.content.title ? <UserText text={shown.content.title} /> : t("applications.untitled", { reference: application.reference })}</h1>
      {returnComment ? (
        <Alert variant="warning" testId="return-comment">
          <p className="alert-heading">
            {t("applications.edit.returnedBy", { name: returnComment.authorName })} <span className="weight-normal">{formatDateTime(returnComment.createdAt, lang)}</span>
          </p>
          <MultilineText text={returnComment.body} />
        </Alert>
      ) : null}
      <dl className="kp-dl" data-testid="application-facts">
        <dt>{t("applications.field.reference")}</dt>
        <dd data-testid="reference">{application.reference}</dd>
        <dt>{t("common.status")}</dt>
        <dd>
          <ApplicationStatusLabel status={application.status} />
        </dd>
        <dt>{t("applications.field.round")}</dt>
        <dd>
          <Link to={`/rounds/${round.id}`}><UserText text={round.name} /></Link>
          {" · "}
          {t("applications.detail.closes", { closesAt: formatDateTime(round.closesAt, lang) })}
        </dd>
        <dt>{t("applications.field.unit")}</dt>
        <dd>
          <UserText text={application.unitName} /> (<UserText text={application.areaName} />)
        </dd>
        <dt>{t("applications.detail.createdBy")}</dt>
        <dd>
          <UserText text={application.createdByName} />, {formatDateTime(application.createdAt, lang)}
        </dd>
        {application.submittedAt ? (
          <>
            <dt>{t("applications.detail.submittedAt")}</dt>
            <dd>
              {formatDateTime(application.submittedAt, lang)}
              {application.versionNo > 0 ? ` · ${t.plural("applications.detail.versionCount", application.versionNo)}` : ""}
            </dd>
          </>
        ) : null}
        {application.endorsedAt ? (
          <>
            <dt>{t("applications.detail.endorsed")}</dt>
            <dd data-testid="endorsed">
              {t("applications.detail.endorsedBy", { name: application.endorsedByName ?? "", at: formatDateTime(application.endorsedAt, lang) })}
              {application.endorsementRank !== null
                ? ` · ${t("applications.detail.rank", { rank: formatInteger(application.endorsementRank, lang) })}`
                : ""}
            </dd>
          </>
        ) : null}
        {application.withdrawnAt ? (
          <>
            <dt>{t("applications.detail.withdrawnAt")}</dt>
            <dd>{formatDateTime(application.withdrawnAt, lang)}</dd>
          </>
        ) : null}
      </dl>


      {anyAction ? (
        <section aria-labelledby="actions-heading" data-testid="actions">
          <h2 id="actions-heading">
            {t("common.actions")}
          </h2>
          {actions.edit ? (
            <p>
              <Link to={`/applications/${application.id}/edit`} className="button button-secondary" data-testid="edit-link">
                {t("applications.action.edit")}
              </Link>
            </p>
          ) : null}
          {actions.submit ? <SubmitForm lastResult={resultFor("submit")} deadline={submissionDeadline(application.status, round)} revision={application.revision} /> : null}
          {actions.endorse ? (
            endorsementOpen ? (
              <EndorseForm lastResult={resultFor("endorse")} deadline={round.endorsementDeadline} />
            ) : (
              <p data-testid="endorsement-closed">
                {t("applications.error.endorsementDeadlinePassed", { deadline: formatDateTime(round.endorsementDeadline, lang) })}
              </p>
            )
          ) : null}
          {actions.endorseOnBehalf ? <EndorseOnBehalfForm lastResult={resultFor("endorseOnBehalf")} deadline={round.endorsementDeadline} /> : null}
          {actions.return ? <ReturnForm lastResult={resultFor("return")} /> : null}
          {actions.withdraw ? (
            <WithdrawForm lastResult={resultFor("withdraw")} confirming={searchParams.get("confirm") === "withdraw"} applicationId={application.id} />
          ) : null}
        </section>
      ) : null}

      <section aria-label={t("applications.detail.content")}>
        <p className="font-lead" data-testid="shown-version">
          {shown.kind === "version"
            ? t("applications.detail.showsVersion", { versionNo: shown.versionNo, at: formatDateTime(shown.submittedAt, lang) })
            : t("applications.detail.showsDraft")}
          {application.versionNo > 0 ? (
            <>
              {" "}
              <Link to={`/applications/${application.id}/versions`}>{t("applications.detail.versionsLink")}</Link>
            </>
          ) : null}
        </p>
        <ApplicationContent snapshot={shown.content} />
      </section>

      <section aria-labelledby="screening-heading">
        <h2 id="screening-heading">
          {t("applications.section.screening")}
        </h2>
        <ScreeningVerdicts
          screening={shown.screening}
          caption={shown.kind === "version" ? t("applications.screening.captionVersion", { versionNo: shown.versionNo }) : t("applications.screening.captionDraft")}
        />
      </section>

      {application.comments.length > 0 ? (
        <section aria-labelledby="comments-heading" data-testid="comments">
          <h2 id="comments-heading">
            {t("applications.comments.title")}
          </h2>
          <ul className="nobullet-list">
            {application.comments.map((comment) => (
              <li key={comment.id} data-kind={comment.kind}>
                <p className="mb-0">
                  <strong>{t(commentKindKey(comment.kind))}</strong> · <UserText text={comment.authorName} /> · {formatDateTime(comment.createdAt, lang)}
                </p>
                <MultilineText text={comment.body} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <AttachmentsPanel applicationId={application.id} attachments={application.attachments} canEdit={actions.edit} />

      <Timeline entries={timeline} />
    </>
  );
}

function commentKindKey(kind: string): MessageKey {
  if (kind === "RETURN") return "applications.comments.RETURN";
  if (kind === "ENDORSE") return "applications.comments.ENDORSE";
  return "applications.comments.NOTE";
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.application", text: "error.404.application" } }} />;
}
