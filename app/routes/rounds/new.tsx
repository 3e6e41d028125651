import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/new";
import { RoundFields, useRoundForm } from "~/components/rounds/round-form";
import { RoundSchema } from "~/components/rounds/schema";
import { AppForm, SubmitButton } from "~/components/ui/form";
import { oreToInput } from "~/domain/money";
import { formatMoney } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { parseYearParam } from "~/services/pool-years.server";
import { checkCreateRound, createRound, getRoundYear, type CreateRoundInput } from "~/services/rounds.server";
import { attempt, fieldErrorsOf, invalid } from "~/utils/action.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

async function loadYear(param: string | undefined) {
  const year = parseYearParam(param);
  if (year === null) notFound();
  const data = await getRoundYear(year);
  if (!data) notFound();
  return data;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireUserWith(request, "round:manage");
  const data = await loadYear(params.year);
  const remainingOre = data.remainingOre > 0n ? data.remainingOre : 0n;
  return {
    year: data.year,
    totalOre: data.totals.totalOre,
    sharesOre: data.sharesOre,
    remainingOre,
    defaults: { name: "", opensAt: "", closesAt: "", endorsementDeadline: "", decisionDate: "", budgetShare: oreToInput(remainingOre) },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "round:manage");
  const data = await loadYear(params.year);
  const submission = parseSubmission(await readForm(request), RoundSchema);
  if (submission.status !== "success") return invalid(submission);
  const { budgetShare, ...rest } = submission.value;
  const input: CreateRoundInput = { year: data.year, ...rest, budgetShareOre: budgetShare };
  const lang = await getLang(request);
  // Every problem at once next to its field; the mutation checks again under the lock.
  const problems = await checkCreateRound(input);
  if (problems.length > 0) return invalid(submission, fieldErrorsOf(problems, lang));
  const outcome = await attempt(submission, () => createRound(actorFor(request, user), input), lang);
  if (!outcome.ok) return outcome.response;
  throw redirect(`/rounds/${outcome.value.id}?ok=created`);
}

export default function NewRoundPage() {
  const t = useT();
  const lang = useLang();
  const { year, totalOre, sharesOre, remainingOre, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useRoundForm("round-new", actionData?.result, defaults);
  return (
    <div className="row">
      <div className="col-12 col-md-8">
        <p>
          <Link to={`/pool-years/${year}#rounds`}>{t("rounds.backToYear", { year })}</Link>
        </p>
        <h1>{t("rounds.new.title", { year })}</h1>
        <p>{t("rounds.new.intro")}</p>
        <AppForm form={form} method="post" action={`/pool-years/${year}/rounds/new`}>
          <RoundFields
            fields={fields}
            year={year}
            shareHint={t("rounds.field.budgetShareHint", {
              total: formatMoney(totalOre, lang),
              others: formatMoney(sharesOre, lang),
              remaining: formatMoney(remainingOre, lang),
            })}
          />
          <div className="kp-actions">
            <SubmitButton>
              {t("rounds.new.submit")}
            </SubmitButton>
            <Link to={`/pool-years/${year}#rounds`}>{t("priorities.cancel")}</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
