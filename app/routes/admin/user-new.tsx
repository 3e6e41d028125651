// Create a user with roles and an initial password. Admins only.
import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/user-new";
import { UserCreateSchema } from "~/components/admin/schemas";
import { UserForm } from "~/components/admin/user-form";
import { actorFor } from "~/services/mutation.server";
import { areaOptions, unitOptions } from "~/services/organisation.server";
import { createUser } from "~/services/users.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { MIN_PASSWORD_LENGTH } from "~/utils/password.server";
import { requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission, withoutPasswords } from "~/utils/submission.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "user:manage");
  const [areas, units] = await Promise.all([areaOptions(), unitOptions()]);
  return { areas, units, minPasswordLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "user:manage");
  const submission = withoutPasswords(parseSubmission(await readForm(request), UserCreateSchema));
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(submission, () => createUser(actorFor(request, user), submission.value));
  if (!outcome.ok) return outcome.response;
  throw redirect(`/admin/users/${outcome.value.id}?ok=created`);
}

export default function NewUserPage() {
  const t = useT();
  const { areas, units, minPasswordLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-7">
        <h1>{t("users.newTitle")}</h1>
        <UserForm
          mode="create"
          lastResult={actionData?.result}
          defaultValue={{ email: "", name: "", unitId: "", roles: [], leadAreaId: "", applicantUnitId: "" }}
          areas={areas}
          units={units}
          minPasswordLength={minPasswordLength}
          cancelTo="/admin/users"
        />
      </div>
    </div>
  );
}
