import { Link, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/new";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { MoneyField, TextareaField, TextField } from "~/components/ui/forms";
import { DEFAULT_POOL_BUDGET_ORE, firstDayOfYear, isDateInYear, isValidPoolYear } from "~/domain/budget";
import { toIsoDate } from "~/domain/dates";
import { oreToInput } from "~/domain/money";
import { actorFor } from "~/services/mutation.server";
import { createPoolYear, newestPoolYear } from "~/services/pool-years.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";
import { dateOnly, integer, kronerAmount, optionalText } from "~/utils/validation";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

const CreatePoolYearSchema = z
  .object({
    year: integer.refine(isValidPoolYear, { error: "poolYears.error.yearRange" }),
    budget: kronerAmount.refine((ore) => ore > 0n, { error: "poolYears.error.budgetPositive" }),
    // Empty start date: 1 January of the year.
    startsOn: dateOnly.optional(),
    note: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    // Zod 4 runs this even when a field above failed: check only well-formed values.
    if (!(value.startsOn instanceof Date) || !isValidPoolYear(value.year)) return;
    if (!isDateInYear(value.startsOn, value.year)) {
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "poolYears.error.startsOnOutsideYear" });
    }
  });

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "poolYear:manage");
  // Suggest the year after the newest one (at least 2026, at least this year).
  const year = Math.max(2026, new Date().getUTCFullYear(), ((await newestPoolYear()) ?? 0) + 1);
  return {
    defaults: {
      year: String(year),
      budget: oreToInput(DEFAULT_POOL_BUDGET_ORE), // "6.000.000,00"
      startsOn: toIsoDate(firstDayOfYear(year)),
      note: "",
    },
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "poolYear:manage");
  const formData = await readForm(request);
  const submission = parseSubmission(formData, CreatePoolYearSchema);
  if (submission.status !== "success") return invalid(submission);
  const { year, budget, startsOn, note } = submission.value;
  const lang = await getLang(request);
  const outcome = await attempt(
    submission,
    () => createPoolYear(actorFor(request, user), { year, budgetOre: budget, startsOn: startsOn ?? firstDayOfYear(year), note }),
    lang,
  );
  if (!outcome.ok) return outcome.response;
  throw redirect(`/pool-years/${outcome.value.year}?ok=created`);
}

export default function NewPoolYear() {
  const t = useT();
  const { defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "pool-year-new",
    lastResult: actionData?.result,
    defaultValue: defaults,
    schema: CreatePoolYearSchema,
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <p>
          <Link to="/pool-years">{t("poolYears.backToList")}</Link>
        </p>
        <h1>{t("poolYears.new.title")}</h1>
        <p>{t("poolYears.new.intro")}</p>
        <AppForm form={form} method="post">
          <TextField field={fields.year} label={t("poolYears.field.year")} hint={t("poolYears.field.yearHint")} inputMode="numeric" className="form-input input-width-xs" />
          <MoneyField field={fields.budget} label={t("poolYears.field.budget")} hint={t("poolYears.field.budgetHint")} />
          <TextField field={fields.startsOn} label={t("poolYears.field.startsOn")} hint={t("poolYears.field.startsOnHint")} type="date" className="form-input input-width-s" />
          <TextareaField field={fields.note} label={t("poolYears.field.note")} optional rows={3} />
          <div className="kp-actions">
            <SubmitButton>
              {t("poolYears.new.submit")}
            </SubmitButton>
            <Link to="/pool-years" className="button button-secondary">
              {t("common.cancel")}
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
