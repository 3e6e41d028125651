// /applications/new — start an application: choose an open round and the
// applying unit (one of the user's units). Creates a draft with its reference
// and the user as contact person, then opens the form.
import { Link, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/new";
import { Alert } from "~/components/ui/alert";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { SelectField } from "~/components/ui/forms";
import { isolateText } from "~/domain/text";
import { formatDateTime } from "~/i18n";
import { createApplication } from "~/services/applications/drafting.server";
import { newApplicationOptions } from "~/services/applications/queries.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";

const NewApplicationSchema = z.object({
  roundId: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }),
  unitId: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }),
});

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:create");
  return newApplicationOptions(user);
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "application:create");
  const submission = parseSubmission(await readForm(request), NewApplicationSchema);
  if (submission.status !== "success") return invalid(submission);
  const lang = await getLang(request);
  const outcome = await attempt(submission, () => createApplication(actorFor(request, user), submission.value), lang);
  if (!outcome.ok) return outcome.response;
  throw redirect(`/applications/${outcome.value.id}/edit?ok=created`);
}

export default function NewApplicationPage() {
  const t = useT();
  const lang = useLang();
  const { rounds, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "new-application",
    lastResult: actionData?.result,
    defaultValue: { roundId: rounds.length === 1 ? rounds[0]!.id : "", unitId: units.length === 1 ? units[0]!.id : "" },
    schema: NewApplicationSchema,
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-7">
        <p>
          <Link to="/applications">{t("applications.backToList")}</Link>
        </p>
        <h1>{t("applications.new.title")}</h1>
        <p>{t("applications.new.intro")}</p>
        {rounds.length === 0 ? (
          <Alert variant="info" testId="no-open-round">
            <p className="alert-text">{t("applications.new.noOpenRound")}</p>
          </Alert>
        ) : units.length === 0 ? (
          <Alert variant="warning" testId="no-unit">
            <p className="alert-text">{t("applications.new.noUnit")}</p>
          </Alert>
        ) : (
          <AppForm form={form} method="post">
            <SelectField
              field={fields.roundId}
              label={t("applications.field.round")}
              hint={t("applications.new.roundHint")}
              placeholder={t("applications.new.chooseRound")}
              options={rounds.map((r) => ({
                value: r.id,
                label: t("applications.new.roundOption", { name: isolateText(r.name), closesAt: formatDateTime(r.closesAt, lang) }),
              }))}
            />
            <SelectField
              field={fields.unitId}
              label={t("applications.field.unit")}
              hint={t("applications.new.unitHint")}
              placeholder={t("applications.new.chooseUnit")}
              options={units.map((u) => ({ value: u.id, label: `${isolateText(u.name)} (${isolateText(u.areaName)})` }))}
            />
            <div className="kp-actions">
              <SubmitButton>
                {t("applications.new.create")}
              </SubmitButton>
              <Link to="/applications">{t("common.cancel")}</Link>
            </div>
          </AppForm>
        )}
      </div>
    </div>
  );
}
