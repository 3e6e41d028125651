// One version of the guidelines: the text (safe Markdown), the eligibility rules
// and the assessment criteria. Drafts are visible only to those who may read
// drafts (others get 404). On a draft, the secretariat edits the text, adds and
// removes rules and criteria, and records HMU's adoption (with a confirmation
// step). An adopted or superseded version refuses every change.
import { Alert } from "~/components/ui/alert";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { data, Link, redirect, useActionData, useLoaderData } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/version";
import { AddRuleSection, AdoptSection, CriterionForm, replyFor, TextForm } from "~/components/guidelines/forms";
import { renderMarkdown } from "~/components/guidelines/markdown.server";
import { SafeMarkdown } from "~/components/guidelines/markdown";
import {
  AddRuleSchema,
  AdoptSchema,
  CriterionSchema,
  RemoveCriterionSchema,
  RemoveRuleSchema,
  ruleKindEnum,
  UpdateTextSchema,
} from "~/components/guidelines/schemas";
import { StatusBadge } from "~/components/guidelines/status";
import { CriteriaTable, RulesTable } from "~/components/guidelines/tables";
import { FormErrors, SuccessMessage } from "~/components/ui/forms";
import { danishToday, toIsoDate } from "~/domain/dates";
import { mayReadGuideline, parseVersionParam } from "~/domain/guidelines";
import { can } from "~/domain/permissions";
import { createTranslator, formatDate, formatDateTime, type MessageKey } from "~/i18n";
import {
  addGuidelineRule,
  adoptGuidelineVersion,
  getGuidelineVersion,
  guidelineVersionNumbers,
  removeGuidelineCriterion,
  removeGuidelineRule,
  saveGuidelineCriterion,
  updateGuidelineDraft,
} from "~/services/guidelines.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import type { SessionUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

const OK_MESSAGES = {
  created: "guidelines.ok.created",
  updated: "guidelines.ok.updated",
  ruleAdded: "guidelines.ok.ruleAdded",
  ruleRemoved: "guidelines.ok.ruleRemoved",
  criterionSaved: "guidelines.ok.criterionSaved",
  criterionRemoved: "guidelines.ok.criterionRemoved",
  adopted: "guidelines.ok.adopted",
} as const satisfies Record<string, MessageKey>;

/** The version of the URL, if it exists and the user may see it (404 otherwise). */
async function loadVisible(user: SessionUser, param: string | undefined) {
  const number = parseVersionParam(param);
  if (number === null) notFound();
  const guideline = await getGuidelineVersion(number);
  if (!guideline || !mayReadGuideline(user, guideline.status)) notFound();
  return guideline;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "guideline:read");
  const guideline = await loadVisible(user, params.version);
  const search = new URL(request.url).searchParams;
  const visible = await guidelineVersionNumbers({ includeDrafts: can(user, "guideline:readDraft") });
  const others = visible.filter((v) => v.version !== guideline.version);
  const inForce = visible.find((v) => v.status === "ADOPTED")?.version ?? null;
  // Compare with the version it is based on, else the one before it, else any other.
  const compareWith =
    others.find((v) => v.version === guideline.basedOnVersion)?.version ??
    others.find((v) => v.version === guideline.version - 1)?.version ??
    others[0]?.version ??
    null;
  const editable = guideline.status === "DRAFT" && can(user, "guideline:manage");
  const kind = ruleKindEnum.safeParse(search.get("ruleKind"));
  const ok = search.get("ok");
  return {
    guideline,
    bodyHtml: renderMarkdown(guideline.body),
    canCreateDraft: can(user, "guideline:manage"),
    editable,
    compareWith,
    inForce,
    ruleKind: editable && kind.success && !guideline.rules.some((r) => r.kind === kind.data) ? kind.data : null,
    editingCriterionId: editable ? (guideline.criteria.find((c) => c.id === search.get("criterion"))?.id ?? null) : null,
    confirmAdopt: editable && search.get("adopt") === "confirm",
    today: toIsoDate(danishToday()),
    ok: ok && Object.hasOwn(OK_MESSAGES, ok) ? OK_MESSAGES[ok as keyof typeof OK_MESSAGES] : null,
  };
}

const SCHEMAS = {
  update: UpdateTextSchema,
  addRule: AddRuleSchema,
  removeRule: RemoveRuleSchema,
  saveCriterion: CriterionSchema,
  removeCriterion: RemoveCriterionSchema,
  adopt: AdoptSchema,
} as const;
type Intent = keyof typeof SCHEMAS;

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && Object.hasOwn(SCHEMAS, value);
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "guideline:manage");
  const guideline = await loadVisible(user, params.version);
  const version = guideline.version;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw data({ message: "unknown intent" }, { status: 400 });
  const lang = await getLang(request);
  const actor = actorFor(request, user);
  const page = `/guidelines/${version}`;

  // An adopted or superseded version never changes: say so plainly, whatever was sent.
  // (The services refuse it too, inside their transaction.)
  if (guideline.status !== "DRAFT") {
    const submission = parseSubmission(formData, SCHEMAS[intent] as z.ZodType);
    const key = guideline.status === "ADOPTED" ? "guidelines.error.adopted" : "guidelines.error.superseded";
    return data({ result: submission.reply({ formErrors: [createTranslator(lang)(key, { version })] }) }, { status: 400 });
  }

  switch (intent) {
    case "update": {
      const submission = parseSubmission(formData, UpdateTextSchema);
      if (submission.status !== "success") return invalid(submission);
      const { title, body } = submission.value;
      const outcome = await attempt(submission, () => updateGuidelineDraft(actor, { version, title, body }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=updated`);
    }
    case "addRule": {
      const submission = parseSubmission(formData, AddRuleSchema);
      if (submission.status !== "success") return invalid(submission);
      const outcome = await attempt(submission, () => addGuidelineRule(actor, { version, ...submission.value }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=ruleAdded#rules`);
    }
    case "removeRule": {
      const submission = parseSubmission(formData, RemoveRuleSchema);
      if (submission.status !== "success") return invalid(submission);
      const outcome = await attempt(submission, () => removeGuidelineRule(actor, { version, ruleId: submission.value.ruleId }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=ruleRemoved#rules`);
    }
    case "saveCriterion": {
      const submission = parseSubmission(formData, CriterionSchema);
      if (submission.status !== "success") return invalid(submission);
      const outcome = await attempt(submission, () => saveGuidelineCriterion(actor, { version, ...submission.value }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=criterionSaved#criteria`);
    }
    case "removeCriterion": {
      const submission = parseSubmission(formData, RemoveCriterionSchema);
      if (submission.status !== "success") return invalid(submission);
      const outcome = await attempt(submission, () => removeGuidelineCriterion(actor, { version, criterionId: submission.value.criterionId }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=criterionRemoved#criteria`);
    }
    case "adopt": {
      const submission = parseSubmission(formData, AdoptSchema);
      // Irreversible: only the confirmation step's button (confirmed=yes) records it.
      if (formData.get("confirmed") !== "yes") {
        return data({ result: submission.reply({ formErrors: ["guidelines.error.confirmRequired"] }) }, { status: 400 });
      }
      if (submission.status !== "success") return invalid(submission);
      const outcome = await attempt(submission, () => adoptGuidelineVersion(actor, { version, adoptedOn: submission.value.adoptedOn }), lang);
      if (!outcome.ok) return outcome.response;
      throw redirect(`${page}?ok=adopted`);
    }
  }
}

export default function GuidelineVersionPage() {
  const t = useT();
  const lang = useLang();
  const { guideline, bodyHtml, canCreateDraft, editable, compareWith, inForce, ruleKind, editingCriterionId, confirmAdopt, today, ok } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const { version, status } = guideline;
  // Errors of forms that are not on the page (a locked version, a row that is gone) show at the top.
  const intent = result?.initialValue?.intent;
  const formNotShown = !editable || intent === "removeRule" || intent === "removeCriterion" || (intent === "adopt" && !confirmAdopt);
  const pageErrors = formNotShown ? (result?.error?.[""] ?? undefined) : undefined;
  const editing = guideline.criteria.find((c) => c.id === editingCriterionId) ?? null;
  const date = (d: Date | null) => (d ? formatDate(d, lang, { dateOnly: true }) : "—");
  return (
    <>
      <p>
        <Link to="/guidelines">{t("guidelines.back")}</Link>
      </p>
      {ok ? <SuccessMessage>{t(ok, { version })}</SuccessMessage> : null}
      <FormErrors errors={pageErrors ?? undefined} />
      <h1>{guideline.title}</h1>
      <p className="font-lead">
        {t("guidelines.versionLabel", { version })} <StatusBadge status={status} />
      </p>

      {status === "DRAFT" ? (
        <Alert variant="info" testId="state">
          <p className="alert-text">{t("guidelines.state.draft")}</p>
        </Alert>
      ) : status === "ADOPTED" ? (
        <Alert variant="success" testId="state">
          <p className="alert-text">{t("guidelines.state.adopted", { date: date(guideline.adoptedOn) })}</p>
        </Alert>
      ) : (
        <Alert variant="warning" testId="state">
          <p className="alert-text">
            {t("guidelines.state.superseded")}{" "}
            {inForce !== null ? <Link to={`/guidelines/${inForce}`}>{t("guidelines.state.seeInForce", { version: inForce })}</Link> : null}
          </p>
        </Alert>
      )}

      <dl className="kp-dl" data-testid="facts">
        <dt>{t("guidelines.fact.adoptedOn")}</dt>
        <dd>{date(guideline.adoptedOn)}</dd>
        {guideline.adoptedAt ? (
          <>
            <dt>{t("guidelines.fact.adoptedAt")}</dt>
            <dd>{formatDateTime(guideline.adoptedAt, lang)}</dd>
          </>
        ) : null}
        {guideline.supersededAt ? (
          <>
            <dt>{t("guidelines.fact.supersededAt")}</dt>
            <dd>{formatDateTime(guideline.supersededAt, lang)}</dd>
          </>
        ) : null}
        {guideline.basedOnVersion !== null ? (
          <>
            <dt>{t("guidelines.fact.basedOn")}</dt>
            <dd>
              <Link to={`/guidelines/${guideline.basedOnVersion}`}>{t("guidelines.versionLabel", { version: guideline.basedOnVersion })}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t("guidelines.fact.createdAt")}</dt>
        <dd>
          {formatDate(guideline.createdAt, lang)}
          {guideline.createdByName ? ` · ${guideline.createdByName}` : ""}
        </dd>
      </dl>

      <div className="kp-actions">
        {compareWith !== null ? (
          <Link to={`/guidelines/${version}/diff?against=${compareWith}`} className="button button-secondary">
            {t("guidelines.compareWith", { version: compareWith })}
          </Link>
        ) : null}
        {canCreateDraft ? (
          <Link to={`/guidelines/new?basedOn=${version}`} className="button button-secondary">
            {t("guidelines.createFrom")}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("guidelines.section.text")}</h2>
        {guideline.body.trim() ? <SafeMarkdown html={bodyHtml} /> : <p>{t("guidelines.noText")}</p>}
        {editable ? <TextForm title={guideline.title} body={guideline.body} lastResult={replyFor(result, "update")} /> : null}
      </section>

      <section aria-labelledby="rules-title" id="rules">
        <h2 id="rules-title">{t("guidelines.section.rules")}</h2>
        <p>{t("guidelines.rules.intro")}</p>
        <p>{t("guidelines.rules.hardSoft")}</p>
        <RulesTable version={version} rules={guideline.rules} editable={editable} />
        {editable ? (
          <AddRuleSection version={version} kind={ruleKind} taken={guideline.rules.map((r) => r.kind)} lastResult={replyFor(result, "addRule")} />
        ) : null}
      </section>

      <section aria-labelledby="criteria-title" id="criteria">
        <h2 id="criteria-title">{t("guidelines.section.criteria")}</h2>
        <p>{t("guidelines.criteria.intro")}</p>
        <CriteriaTable version={version} criteria={guideline.criteria} editable={editable} />
        {editable ? <CriterionForm key={editing?.id ?? "new"} version={version} editing={editing} lastResult={replyFor(result, "saveCriterion")} /> : null}
      </section>

      {editable ? (
        <AdoptSection
          version={version}
          confirming={confirmAdopt}
          isEmpty={guideline.rules.length + guideline.criteria.length === 0}
          inForceVersion={inForce}
          today={today}
          lastResult={replyFor(result, "adopt")}
        />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.guideline", text: "error.404.guideline" } }} />;
}
