// Edit a focus area: name, description, active. Deactivating replaces
// deleting: earlier prioritisations and applications keep pointing at it.
import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/edit";
import { FocusAreaEditSchema } from "~/components/focus-areas/schema";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { CheckboxField, TextareaField, TextField } from "~/components/ui/forms";
import { getFocusArea, updateFocusArea } from "~/services/focus-areas.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

async function load(request: Request, id: string) {
  const user = await requireUserWith(request, "focusArea:manage");
  // The catalogue is organisation-wide: no area scope, only "does it exist".
  const focusArea = requireRecordAccess(user, "focusArea:manage", await getFocusArea(id), () => ({ areaId: null }));
  return { user, focusArea };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { focusArea } = await load(request, params.focusAreaId);
  return { focusArea };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, focusArea } = await load(request, params.focusAreaId);
  const submission = parseSubmission(await readForm(request), FocusAreaEditSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(
    submission,
    () => updateFocusArea(actorFor(request, user), { id: focusArea.id, ...submission.value }),
    await getLang(request),
  );
  if (!outcome.ok) return outcome.response;
  throw redirect(`/focus-areas?ok=saved#focus-area-${focusArea.id}`);
}

export default function EditFocusAreaPage() {
  const t = useT();
  const { focusArea } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: `focus-area-${focusArea.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: focusArea.name, description: focusArea.description, active: focusArea.active ? "on" : undefined },
    schema: FocusAreaEditSchema,
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-7">
        <p>
          <Link to="/focus-areas">{t("focusAreas.back")}</Link>
        </p>
        <h1>{t("focusAreas.edit.title", { name: focusArea.name })}</h1>
        <AppForm form={form} method="post">
          <TextField field={fields.name} label={t("focusAreas.field.name")} hint={t("focusAreas.field.nameHint")} autoComplete="off" />
          <TextareaField field={fields.description} label={t("focusAreas.field.description")} hint={t("focusAreas.field.descriptionHint")} rows={3} optional />
          <CheckboxField field={fields.active} label={t("focusAreas.field.active")} hint={t("focusAreas.field.activeHint")} />
          <div className="kp-actions">
            <SubmitButton>
              {t("common.save")}
            </SubmitButton>
            <Link to="/focus-areas">{t("common.cancel")}</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
