// /applications/:applicationId/edit — the application form (draft or returned).
// Intents: "save" (Gem kladde), "submit" (Indsend), "screen" (live screening of
// the typed values; stores nothing) and Conform's list intents (add/remove a
// cost line without JavaScript: the server answers with the new form state).
import { Alert } from "~/components/ui/alert";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { data, Link, redirect, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/edit";
import { ApplicationForm } from "~/components/applications/application-form";
import { AttachmentsPanel } from "~/components/applications/attachments-panel";
import { ApplicationStatusLabel } from "~/components/applications/status";
import { ApplicationFormSchema, contentFromForm, formDefaults } from "~/components/applications/schema";
import { SuccessMessage } from "~/components/ui/forms";
import { UserText } from "~/components/ui/user-text";
import { isEditable, submissionDeadline } from "~/domain/applications/status";
import { isolateText } from "~/domain/text";
import { applicationScope, findApplicationScope } from "~/services/applications/scope.server";
import { checkSubmission, submitApplication } from "~/services/applications/submission.server";
import { getEditData, screenDraftContent } from "~/services/applications/queries.server";
import { saveDraft } from "~/services/applications/drafting.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid, problemErrors } from "~/utils/action.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireRecordAccess, requireUserWith } from "~/utils/permissions.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:edit");
  const found = requireRecordAccess(user, "application:edit", await findApplicationScope(params.applicationId), applicationScope);
  const lang = await getLang(request);
  const edit = await getEditData(found.id, user, lang);
  if (!edit) notFound();
  const defaults = formDefaults(edit.content, edit.application.revision);
  if (defaults.costLines.length === 0) defaults.costLines.push({ category: "", description: "", amount: "" });
  return { ...edit, editable: isEditable(edit.application.status), defaults };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "application:edit");
  const found = requireRecordAccess(user, "application:edit", await findApplicationScope(params.applicationId), applicationScope);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const lang = await getLang(request);
  const submission = parseSubmission(formData, ApplicationFormSchema);

  if (intent === "screen") {
    // Live screening: reads only.
    if (submission.status !== "success") return { screening: null };
    return { screening: await screenDraftContent(found.id, contentFromForm(submission.value), lang) };
  }
  // A list intent (add or remove a cost line): answer with the new form state, store nothing.
  if (submission.status === undefined) return { result: submission.reply() };
  if (intent !== "save" && intent !== "submit") {
    return data({ result: submission.reply({ formErrors: ["applications.error.unknownIntent"] }) }, { status: 400 });
  }
  if (!isEditable(found.status)) {
    return data({ result: submission.reply({ formErrors: ["applications.error.notEditable"] }) }, { status: 400 });
  }
  if (submission.status !== "success") return invalid(submission);
  // Every save names the revision it edited (a hidden field of the form): without it, nothing is written.
  const expectedRevision = submission.value.revision;
  if (expectedRevision === undefined) {
    return data({ result: submission.reply({ formErrors: ["applications.error.staleRevision"] }) }, { status: 400 });
  }
  const content = contentFromForm(submission.value);
  const actor = actorFor(request, user);

  if (intent === "save") {
    const outcome = await attempt(submission, () => saveDraft(actor, { id: found.id, content, expectedRevision }), lang);
    if (!outcome.ok) return outcome.response;
    throw redirect(`/applications/${found.id}/edit?ok=saved`);
  }

  const problems = await checkSubmission({ id: found.id, content, expectedRevision, user });
  if (problems.length > 0) return invalid(submission, problemErrors(problems, lang));
  const outcome = await attempt(submission, () => submitApplication(actor, { id: found.id, content, expectedRevision }), lang);
  if (!outcome.ok) return outcome.response;
  throw redirect(`/applications/${found.id}?ok=submitted`);
}

/** Live screening must not reload the page's data (nothing changed). */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get("intent") === "screen") return false;
  return defaultShouldRevalidate;
}

export default function EditApplicationPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { application, round } = loaderData;
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      {searchParams.get("ok") === "saved" && !lastResult ? <SuccessMessage>{t("applications.ok.saved")}</SuccessMessage> : null}
      {searchParams.get("ok") === "created" && !lastResult ? <SuccessMessage>{t("applications.ok.created")}</SuccessMessage> : null}
      <p>
        <Link to={`/applications/${application.id}`}>{t("applications.backToApplication", { reference: application.reference })}</Link>
      </p>
      <h1>
        {t("applications.edit.title", { reference: application.reference })}
      </h1>
      <p>
        <ApplicationStatusLabel status={application.status} /> · <UserText text={round.name} />
      </p>
      {!loaderData.editable ? (
        <Alert variant="warning" testId="not-editable">
          <p className="alert-text">{t("applications.edit.notEditable", { status: t(`applications.status.${application.status}`) })}</p>
          <p className="alert-text">
            <Link to={`/applications/${application.id}`}>{t("applications.edit.toDetail")}</Link>
          </p>
        </Alert>
      ) : (
        <>
          {loaderData.returnComment ? (
            <Alert variant="warning" testId="return-comment">
              <p className="alert-heading">{t("applications.edit.returnedBy", { name: isolateText(loaderData.returnComment.authorName) })}</p>
              <p className="alert-text" dir="auto">
                <UserText text={loaderData.returnComment.body} />
              </p>
            </Alert>
          ) : null}
          <p>{t("applications.edit.intro")}</p>
          {lastResult?.error?.[""]?.includes("applications.error.staleRevision") ? (
            <p data-testid="stale-revision">
              {/* A document navigation: the form is read afresh, at the stored revision. */}
              <a href={`/applications/${application.id}/edit`}>{t("applications.edit.openNewVersion")}</a>
            </p>
          ) : null}
          <ApplicationForm
            // A new form state after each save (the server normalises what was typed).
            key={String(application.updatedAt instanceof Date ? application.updatedAt.getTime() : application.updatedAt)}
            formId="application-form"
            defaults={loaderData.defaults}
            lastResult={lastResult}
            unitName={application.unitName}
            unitOptions={loaderData.unitOptions}
            focusAreaOptions={loaderData.focusAreaOptions}
            partnerAreaOptions={loaderData.partnerAreaOptions}
            screening={loaderData.screening}
            round={{ name: round.name, deadline: submissionDeadline(application.status, round) }}
            attachments={<AttachmentsPanel applicationId={application.id} attachments={loaderData.attachments} canEdit />}
          />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.application", text: "error.404.application" } }} />;
}
