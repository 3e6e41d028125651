// The catalogue of focus areas (fokusområder). Everyone logged in reads it;
// the secretariat and the leadership create focus areas on this page and edit
// them on their own page. Nothing is deleted: a focus area is deactivated.
import { Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/index";
import { FocusAreaSchema } from "~/components/focus-areas/schema";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { SuccessMessage, TextareaField, TextField } from "~/components/ui/forms";
import { can } from "~/domain/permissions";
import { createFocusArea, listFocusAreas } from "~/services/focus-areas.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "app:use");
  return { focusAreas: await listFocusAreas(), canManage: can(user, "focusArea:manage") };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "focusArea:manage");
  const submission = parseSubmission(await readForm(request), FocusAreaSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => createFocusArea(actorFor(request, user), submission.value), await getLang(request));
  if (!outcome.ok) return outcome.response;
  throw redirect(`/focus-areas?ok=created#focus-area-${outcome.value.id}`);
}

function CreateForm() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "focus-area-create",
    lastResult: actionData?.result,
    schema: FocusAreaSchema,
  });
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">{t("focusAreas.create.title")}</h2>
      <AppForm form={form} method="post">
        <TextField field={fields.name} label={t("focusAreas.field.name")} hint={t("focusAreas.field.nameHint")} autoComplete="off" />
        <TextareaField field={fields.description} label={t("focusAreas.field.description")} hint={t("focusAreas.field.descriptionHint")} rows={3} optional />
        <div className="kp-actions">
          <SubmitButton>
            {t("focusAreas.create.submit")}
          </SubmitButton>
        </div>
      </AppForm>
    </section>
  );
}

export default function FocusAreasPage() {
  const t = useT();
  const { focusAreas, canManage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ok = searchParams.get("ok");
  return (
    <>
      {ok === "created" ? <SuccessMessage>{t("focusAreas.ok.created")}</SuccessMessage> : null}
      {ok === "saved" ? <SuccessMessage>{t("focusAreas.ok.saved")}</SuccessMessage> : null}
      <h1>{t("focusAreas.title")}</h1>
      <p>{t("focusAreas.intro")}</p>
      {focusAreas.length === 0 ? (
        <p>{t("focusAreas.empty")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="focus-areas">
            <caption>{t("focusAreas.caption", { count: focusAreas.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("focusAreas.col.name")}</th>
                <th scope="col">{t("focusAreas.col.description")}</th>
                <th scope="col">{t("common.status")}</th>
                {canManage ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {focusAreas.map((f) => (
                <tr key={f.id} id={`focus-area-${f.id}`}>
                  <th scope="row">{f.name}</th>
                  <td>{f.description}</td>
                  <td>
                    <span className={f.active ? "badge badge-success" : "badge"}>{f.active ? t("common.active") : t("common.inactive")}</span>
                  </td>
                  {canManage ? (
                    <td>
                      <Link to={`/focus-areas/${f.id}`}>
                        {t("common.edit")}
                        <span className="sr-only"> {f.name}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? <CreateForm /> : null}
    </>
  );
}
