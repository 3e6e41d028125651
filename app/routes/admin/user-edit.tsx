// Edit a user: profile and roles, a new password (ends the user's sessions),
// and deactivation/reactivation behind a confirmation step that works without
// JavaScript (?confirm=… shows "Er du sikker?" with the real button). Admins only.
import { type SubmissionResult } from "@conform-to/react";
import { data, Form, Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/user-edit";
import { Alert } from "~/components/ui/alert";
import { PasswordSchema, SetActiveSchema, UserUpdateSchema } from "~/components/admin/schemas";
import { UserForm } from "~/components/admin/user-form";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { FormErrors, SuccessMessage, TextField } from "~/components/ui/forms";
import { formatDate, type MessageKey } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { areaOptions, unitOptions } from "~/services/organisation.server";
import { setUserActive, setUserPassword, updateUser, userForEdit } from "~/services/users.server";
import { attempt, invalid } from "~/utils/action.server";
import { useLang, useT } from "~/utils/i18n";
import { MIN_PASSWORD_LENGTH } from "~/utils/password.server";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { sessionIdOf } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission, withoutPasswords } from "~/utils/submission.server";

const OK_MESSAGES = {
  created: "users.ok.created",
  saved: "common.saved",
  password: "users.ok.password",
  deactivated: "users.ok.deactivated",
  reactivated: "users.ok.reactivated",
} as const satisfies Record<string, MessageKey>;

async function loadTarget(request: Request, userId: string) {
  const user = await requireUserWith(request, "user:manage");
  const target = requireRecordAccess(user, "user:manage", await userForEdit(userId), () => ({ areaId: null }));
  return { user, target };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, target } = await loadTarget(request, params.userId);
  const [areas, units] = await Promise.all([areaOptions(), unitOptions()]);
  const search = new URL(request.url).searchParams;
  const isSelf = target.id === user.id;
  const wanted = search.get("confirm");
  // The confirmation step only for the change that is possible now.
  const confirm: "deactivate" | "reactivate" | null =
    wanted === "deactivate" && target.active && !isSelf ? "deactivate" : wanted === "reactivate" && !target.active ? "reactivate" : null;
  const ok = search.get("ok");
  return {
    target,
    areas,
    units,
    isSelf,
    confirm,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    ok: ok && Object.hasOwn(OK_MESSAGES, ok) ? OK_MESSAGES[ok as keyof typeof OK_MESSAGES] : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, target } = await loadTarget(request, params.userId);
  const actor = actorFor(request, user);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "update") {
    const submission = parseSubmission(formData, UserUpdateSchema);
    if (submission.status !== "success") return invalid(submission);
    const outcome = await attempt(submission, () => updateUser(actor, { id: target.id, ...submission.value }));
    if (!outcome.ok) return outcome.response;
    throw redirect(`/admin/users/${target.id}?ok=saved`);
  }

  if (intent === "setPassword") {
    const submission = withoutPasswords(parseSubmission(formData, PasswordSchema));
    if (submission.status !== "success") return invalid(submission);
    const keepSessionId = await sessionIdOf(request);
    const outcome = await attempt(submission, () => setUserPassword(actor, { id: target.id, password: submission.value.password, keepSessionId }));
    if (!outcome.ok) return outcome.response;
    throw redirect(`/admin/users/${target.id}?ok=password`);
  }

  if (intent === "setActive") {
    const submission = parseSubmission(formData, SetActiveSchema);
    if (submission.status !== "success") {
      return data({ result: submission.reply({ formErrors: ["users.error.confirmRequired"] }) }, { status: 400 });
    }
    const { active } = submission.value;
    const outcome = await attempt(submission, () => setUserActive(actor, { id: target.id, active }));
    if (!outcome.ok) return outcome.response;
    throw redirect(`/admin/users/${target.id}?ok=${active ? "reactivated" : "deactivated"}`);
  }

  throw data({ message: "unknown intent" }, { status: 400 });
}

/** The reply for one of the page's forms (the action echoes the submitted intent). */
function replyFor(result: SubmissionResult<string[]> | undefined, intent: string) {
  return result?.initialValue?.intent === intent ? result : undefined;
}

function PasswordForm({ lastResult, minPasswordLength }: { lastResult: SubmissionResult<string[]> | undefined; minPasswordLength: number }) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "user-password",
    lastResult,
    schema: PasswordSchema,
  });
  return (
    <AppForm form={form} method="post">
      <input type="hidden" name="intent" value="setPassword" />
      <TextField
        field={fields.password}
        label={t("users.newPassword")}
        hint={t("users.passwordHint", { min: minPasswordLength })}
        type="password"
        autoComplete="new-password"
      />
      <div className="kp-actions">
        <button type="submit" className="button button-secondary">
          {t("users.setPassword")}
        </button>
      </div>
    </AppForm>
  );
}

function ActiveSection({
  target,
  isSelf,
  confirm,
  lastResult,
}: {
  target: { name: string; active: boolean };
  isSelf: boolean;
  confirm: "deactivate" | "reactivate" | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form] = useAppForm({ id: "user-active", lastResult });
  return (
    <>
      <FormErrors errors={form.errors} id={form.errorId} />
      <p data-testid="user-status">{target.active ? t("users.isActive") : t("users.isInactive")}</p>
      {confirm ? (
        <Alert variant="warning" role="alert" testId="confirm">
          <h3 className="alert-heading">{t("users.confirmTitle")}</h3>
          <p className="alert-text">
            {confirm === "deactivate" ? t("users.confirmDeactivate", { name: target.name }) : t("users.confirmReactivate", { name: target.name })}
          </p>
          <AppForm form={form} method="post" className="kp-actions">
            <input type="hidden" name="intent" value="setActive" />
            <input type="hidden" name="active" value={confirm === "deactivate" ? "false" : "true"} />
            <input type="hidden" name="confirmed" value="yes" />
            <SubmitButton intent="setActive">
              {confirm === "deactivate" ? t("users.confirmDeactivateButton") : t("users.confirmReactivateButton")}
            </SubmitButton>
            <Link to=".">{t("common.cancel")}</Link>
          </AppForm>
        </Alert>
      ) : isSelf && target.active ? (
        <p>{t("users.error.selfDeactivate")}</p>
      ) : (
        <Form method="get">
          <input type="hidden" name="confirm" value={target.active ? "deactivate" : "reactivate"} />
          <button type="submit" className="button button-secondary">
            {target.active ? t("users.deactivate") : t("users.reactivate")}
          </button>
        </Form>
      )}
    </>
  );
}

export default function EditUserPage() {
  const t = useT();
  const lang = useLang();
  const { target, areas, units, isSelf, confirm, minPasswordLength, ok } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-7">
        <p>
          <Link to="/admin/users">{t("users.back")}</Link>
        </p>
        <h1>{t("users.editTitle", { name: target.name })}</h1>
        {ok ? <SuccessMessage>{t(ok)}</SuccessMessage> : null}
        <p>
          {t("common.status")}: {target.active ? t("common.active") : t("common.inactive")} · {t("users.createdAt")}{" "}
          {formatDate(target.createdAt, lang, { dateOnly: true })}
        </p>

        <section aria-labelledby="user-access">
          <h2 id="user-access" className="h3">
            {t("users.accessTitle")}
          </h2>
          <ActiveSection target={target} isSelf={isSelf} confirm={confirm} lastResult={replyFor(result, "setActive")} />
        </section>

        <section aria-labelledby="user-profile">
          <h2 id="user-profile" className="h3">
            {t("users.profileTitle")}
          </h2>
          <UserForm
            key={target.id}
            mode="edit"
            lastResult={replyFor(result, "update")}
            defaultValue={{
              email: target.email,
              name: target.name,
              unitId: target.unitId ?? "",
              roles: target.roles,
              leadAreaId: target.leadAreaId ?? "",
              applicantUnitId: target.applicantUnitId ?? "",
            }}
            areas={areas}
            units={units}
            minPasswordLength={minPasswordLength}
            cancelTo="/admin/users"
          />
        </section>

        <section aria-labelledby="user-password-title">
          <h2 id="user-password-title" className="h3">
            {t("users.passwordTitle")}
          </h2>
          <p>{t("users.passwordIntro")}</p>
          <PasswordForm lastResult={replyFor(result, "setPassword")} minPasswordLength={minPasswordLength} />
        </section>
      </div>
    </div>
  );
}
