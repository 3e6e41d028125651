// Create an area (forvaltningsområde). Admins only.
import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/area-new";
import { AreaForm } from "~/components/admin/organisation-forms";
import { AreaSchema } from "~/components/admin/schemas";
import { actorFor } from "~/services/mutation.server";
import { createArea } from "~/services/organisation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "organisation:manage");
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "organisation:manage");
  const submission = parseSubmission(await readForm(request), AreaSchema);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => createArea(actorFor(request, user), submission.value));
  if (!outcome.ok) return outcome.response;
  throw redirect("/organisation?ok=areaCreated");
}

export default function NewAreaPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("org.area.newTitle")}</h1>
        <AreaForm
          lastResult={actionData?.result}
          defaultValue={{ code: "", name: "", headName: "", sortOrder: "", active: true }}
          submitLabel={t("common.create")}
          cancelTo="/organisation"
        />
      </div>
    </div>
  );
}
