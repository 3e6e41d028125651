// Create a unit (centre/office), optionally under a parent unit in the same area. Admins only.
import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/unit-new";
import { UnitForm } from "~/components/admin/organisation-forms";
import { UnitSchema } from "~/components/admin/schemas";
import { actorFor } from "~/services/mutation.server";
import { areaOptions, createUnit, unitOptions } from "~/services/organisation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "organisation:manage");
  const [areas, units] = await Promise.all([areaOptions(), unitOptions()]);
  const wanted = new URL(request.url).searchParams.get("areaId");
  return { areas, units, areaId: areas.some((a) => a.id === wanted) ? wanted! : "" };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const submission = parseSubmission(await readForm(request), UnitSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => createUnit(actorFor(request, user), submission.value));
  if (!outcome.ok) return outcome.response;
  throw redirect(`/organisation/units/${outcome.value.id}?ok=created`);
}

export default function NewUnitPage() {
  const t = useT();
  const { areas, units, areaId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("org.unit.newTitle")}</h1>
        <UnitForm
          lastResult={actionData?.result}
          defaultValue={{ areaId, parentId: "", name: "", costCentre: "", active: true }}
          areas={areas}
          units={units}
          submitLabel={t("common.create")}
          cancelTo="/organisation"
        />
      </div>
    </div>
  );
}
