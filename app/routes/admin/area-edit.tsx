// Edit an area, or deactivate it (areas are never deleted). Admins only.
import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/area-edit";
import { AreaForm } from "~/components/admin/organisation-forms";
import { AreaSchema } from "~/components/admin/schemas";
import { actorFor } from "~/services/mutation.server";
import { findArea, updateArea } from "~/services/organisation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const area = requireRecordAccess(user, "organisation:manage", await findArea(params.areaId), (a) => ({ areaId: a.id }));
  return { area };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const area = requireRecordAccess(user, "organisation:manage", await findArea(params.areaId), (a) => ({ areaId: a.id }));
  const submission = parseSubmission(await readForm(request), AreaSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => updateArea(actorFor(request, user), { id: area.id, ...submission.value }));
  if (!outcome.ok) return outcome.response;
  throw redirect("/organisation?ok=areaSaved");
}

export default function EditAreaPage() {
  const t = useT();
  const { area } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("org.area.editTitle", { code: area.code })}</h1>
        <AreaForm
          key={area.id}
          lastResult={actionData?.result}
          defaultValue={{ code: area.code, name: area.name, headName: area.headName, sortOrder: area.sortOrder, active: area.active }}
          submitLabel={t("common.save")}
          cancelTo="/organisation"
        />
      </div>
    </div>
  );
}
