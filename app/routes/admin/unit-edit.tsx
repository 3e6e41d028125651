// Edit a unit: area, parent (same area, no cycles), name, cost centre, or
// deactivate it (units are never deleted). Admins only.
import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/unit-edit";
import { UnitForm } from "~/components/admin/organisation-forms";
import { UnitSchema } from "~/components/admin/schemas";
import { actorFor } from "~/services/mutation.server";
import { areaOptions, findUnit, unitOptions, updateUnit, withoutSubtree } from "~/services/organisation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { requireRecordAccess, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const unit = requireRecordAccess(user, "organisation:manage", await findUnit(params.unitId), (u) => ({ areaId: u.areaId, unitId: u.id }));
  const [areas, units] = await Promise.all([areaOptions(), unitOptions()]);
  // A unit cannot sit under itself or one of its sub-units (the server checks again).
  return { unit, areas, units: withoutSubtree(units, unit.id) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const unit = requireRecordAccess(user, "organisation:manage", await findUnit(params.unitId), (u) => ({ areaId: u.areaId, unitId: u.id }));
  const submission = parseSubmission(await readForm(request), UnitSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => updateUnit(actorFor(request, user), { id: unit.id, ...submission.value }));
  if (!outcome.ok) return outcome.response;
  throw redirect(`/organisation/units/${unit.id}?ok=saved`);
}

export default function EditUnitPage() {
  const t = useT();
  const { unit, areas, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("org.unit.editTitle", { name: unit.name })}</h1>
        <UnitForm
          key={unit.id}
          lastResult={actionData?.result}
          defaultValue={{ areaId: unit.areaId, parentId: unit.parentId ?? "", name: unit.name, costCentre: unit.costCentre, active: unit.active }}
          areas={areas}
          units={units}
          submitLabel={t("common.save")}
          cancelTo={`/organisation/units/${unit.id}`}
        />
      </div>
    </div>
  );
}
