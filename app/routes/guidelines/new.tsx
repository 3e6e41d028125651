// A new draft of the guidelines (secretariat). Step 1 (optional, a GET form):
// start from an earlier version, whose title and text fill the form and whose
// rules and criteria are copied. Step 2: title and text → the draft is created
// with the next version number.
import { Form, Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/new";
import { BODY_MAX, NewDraftSchema } from "~/components/guidelines/schemas";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { FormErrors, TextareaField, TextField } from "~/components/ui/forms";
import { parseVersionParam } from "~/domain/guidelines";
import type { MessageKey } from "~/i18n";
import { createGuidelineDraft, getGuidelineVersion, guidelineVersionNumbers, listGuidelineVersions } from "~/services/guidelines.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUserWith(request, "guideline:manage");
  const wanted = parseVersionParam(new URL(request.url).searchParams.get("basedOn"));
  const base = wanted === null ? null : await getGuidelineVersion(wanted);
  const versions = await listGuidelineVersions({ includeDrafts: true });
  return {
    versions: versions.map((v) => ({ version: v.version, title: v.title, status: v.status })),
    base: base
      ? { version: base.version, title: base.title, body: base.body, rules: base.rules.length, criteria: base.criteria.length }
      : null,
    nextVersion: ((await guidelineVersionNumbers({ includeDrafts: true }))[0]?.version ?? 0) + 1,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "guideline:manage");
  const submission = parseSubmission(await readForm(request), NewDraftSchema);
  if (submission.status !== "success") return invalid(submission);
  const { title, body, basedOn } = submission.value;
  const outcome = await attempt(
    submission,
    () => createGuidelineDraft(actorFor(request, user), { title, body, basedOnVersion: basedOn }),
    await getLang(request),
  );
  if (!outcome.ok) return outcome.response;
  throw redirect(`/guidelines/${outcome.value.version}?ok=created`);
}

export default function NewGuidelineDraftPage() {
  const t = useT();
  const { versions, base, nextVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: `guideline-new-${base?.version ?? 0}`,
    lastResult: actionData?.result,
    defaultValue: { title: base?.title ?? "", body: base?.body ?? "", basedOn: base ? String(base.version) : "" },
    schema: NewDraftSchema,
  });
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p>
          <Link to="/guidelines">{t("guidelines.back")}</Link>
        </p>
        <h1>{t("guidelines.new.title", { version: nextVersion })}</h1>
        <p>{t("guidelines.new.intro")}</p>

        {versions.length > 0 ? (
          <section aria-labelledby="base-title">
            <h2 className="h3" id="base-title">
              {t("guidelines.new.baseTitle")}
            </h2>
            <Form method="get" className="kp-filter">
              <div className="form-group">
                <label className="form-label" htmlFor="based-on-choice">
                  {t("guidelines.new.baseLabel")}
                </label>
                <span className="form-hint" id="based-on-choice-hint">
                  {t("guidelines.new.baseHint")}
                </span>
                <select
                  className="form-select"
                  id="based-on-choice"
                  name="basedOn"
                  defaultValue={base ? String(base.version) : ""}
                  aria-describedby="based-on-choice-hint"
                >
                  <option value="">{t("guidelines.new.baseNone")}</option>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {t("guidelines.new.baseOption", { version: v.version, title: v.title, status: t(`guidelines.status.${v.status}` as MessageKey) })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-group">
                <button type="submit" className="button button-secondary">
                  {t("guidelines.new.baseChoose")}
                </button>
              </div>
            </Form>
          </section>
        ) : null}

        <section aria-labelledby="draft-title">
          <h2 className="h3" id="draft-title">
            {t("guidelines.new.draftTitle")}
          </h2>
          <p data-testid="base-info">
            {base ? t("guidelines.new.basedOnInfo", { version: base.version, rules: base.rules, criteria: base.criteria }) : t("guidelines.new.emptyInfo")}
          </p>
          <AppForm form={form} method="post">
            {fields.basedOn.errors?.length ? <FormErrors errors={fields.basedOn.errors} /> : null}
            <input type="hidden" name="basedOn" value={base ? String(base.version) : ""} />
            <TextField field={fields.title} label={t("guidelines.field.title")} />
            <TextareaField field={fields.body} label={t("guidelines.field.body")} hint={t("guidelines.field.bodyHint", { max: BODY_MAX })} rows={18} optional />
            <div className="kp-actions">
              <SubmitButton>
                {t("guidelines.new.submit")}
              </SubmitButton>
              <Link to="/guidelines">{t("common.cancel")}</Link>
            </div>
          </AppForm>
        </section>
      </div>
    </div>
  );
}
