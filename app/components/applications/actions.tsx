// The detail page's actions, each its own form with a hidden intent (works
// without JavaScript): submit, withdraw (with a confirmation step), endorse and
// return for changes.
import { type SubmissionResult } from "@conform-to/react";
import { Link } from "react-router";
import { Alert } from "~/components/ui/alert";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { TextareaField, TextField } from "~/components/ui/forms";
import { formatDateTime } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { EndorseSchema, ReturnSchema, SubmitSchema, WithdrawSchema } from "./schema";

type LastResult = SubmissionResult<string[]> | undefined;

export function SubmitForm({ lastResult, deadline, revision }: { lastResult: LastResult; deadline: Date; revision: number }) {
  const t = useT();
  const lang = useLang();
  const [form] = useAppForm({ id: "submit-application", lastResult, schema: SubmitSchema });
  return (
    <AppForm form={form} method="post" data-testid="submit-form">
      <input type="hidden" name="intent" value="submit" />
      <input type="hidden" name="revision" value={String(revision)} />
      <p>{t("applications.detail.submitIntro", { deadline: formatDateTime(deadline, lang) })}</p>
      <SubmitButton intent="submit">
        {t("applications.action.submit")}
      </SubmitButton>
    </AppForm>
  );
}

export function WithdrawForm({ lastResult, confirming, applicationId }: { lastResult: LastResult; confirming: boolean; applicationId: string }) {
  const t = useT();
  const [form] = useAppForm({
    id: "withdraw-application",
    lastResult,
    schema: WithdrawSchema,
  });
  if (!confirming && !lastResult) {
    return (
      <p>
        <Link to={`/applications/${applicationId}?confirm=withdraw#withdraw`} className="button button-secondary" data-testid="withdraw-start">
          {t("applications.action.withdraw")}
        </Link>
      </p>
    );
  }
  return (
    <Alert variant="warning" id="withdraw" tabIndex={-1}>
      <p className="alert-heading">{t("applications.withdraw.title")}</p>
      <p className="alert-text">{t("applications.withdraw.text")}</p>
      <AppForm form={form} method="post" data-testid="withdraw-form">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="confirm" value="yes" />
        <div className="kp-actions">
          <SubmitButton intent="withdraw">
            {t("applications.withdraw.yes")}
          </SubmitButton>
          <Link to={`/applications/${applicationId}`}>{t("applications.withdraw.no")}</Link>
        </div>
      </AppForm>
    </Alert>
  );
}

export function EndorseForm({ lastResult, deadline }: { lastResult: LastResult; deadline: Date }) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useAppForm({
    id: "endorse-application",
    lastResult,
    schema: EndorseSchema,
  });
  return (
    <AppForm form={form} method="post" data-testid="endorse-form">
      <h3 className="h4">{t("applications.endorse.title")}</h3>
      <p>{t("applications.endorse.intro", { deadline: formatDateTime(deadline, lang) })}</p>
      <input type="hidden" name="intent" value="endorse" />
      <TextareaField field={fields.comment} label={t("applications.endorse.comment")} hint={t("applications.endorse.commentHint")} optional rows={3} />
      <TextField
        field={fields.rank}
        label={t("applications.endorse.rank")}
        hint={t("applications.endorse.rankHint")}
        optional
        className="form-input input-width-xs"
        inputMode="numeric"
        autoComplete="off"
      />
      <SubmitButton intent="endorse">
        {t("applications.action.endorse")}
      </SubmitButton>
    </AppForm>
  );
}

export function ReturnForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "return-application",
    lastResult,
    schema: ReturnSchema,
  });
  return (
    <AppForm form={form} method="post" data-testid="return-form">
      <h3 className="h4">{t("applications.return.title")}</h3>
      <input type="hidden" name="intent" value="return" />
      <TextareaField field={fields.comment} label={t("applications.return.comment")} hint={t("applications.return.commentHint")} rows={4} />
      <button type="submit" className="button button-secondary">
        {t("applications.action.return")}
      </button>
    </AppForm>
  );
}
