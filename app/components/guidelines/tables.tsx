// The rules and criteria of a guideline version as tables. On a draft the
// secretariat gets a remove button per row (a small form that works without
// JavaScript) and, for criteria, a link to edit the row.
import { Form, Link } from "react-router";
import { weightShares } from "~/domain/guidelines";
import type { Severity } from "~/domain/screening/rules";
import { formatInteger, formatPercent } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { describeRuleParams, ruleKindLabel, severityLabel } from "./rule-text";

export interface RuleRow {
  id: string;
  kind: string;
  severity: Severity;
  params: unknown;
  note: string;
}

export interface CriterionRow {
  id: string;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export function RulesTable({ version, rules, editable }: { version: number; rules: readonly RuleRow[]; editable: boolean }) {
  const t = useT();
  const lang = useLang();
  if (rules.length === 0) return <p data-testid="rules-none">{t("guidelines.rules.none")}</p>;
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="rules">
        <caption>{t("guidelines.rules.caption", { version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("guidelines.rules.col.kind")}</th>
            <th scope="col">{t("guidelines.rules.col.params")}</th>
            <th scope="col">{t("guidelines.rules.col.severity")}</th>
            <th scope="col">{t("guidelines.rules.col.note")}</th>
            {editable ? <th scope="col">{t("common.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const label = ruleKindLabel(t, rule.kind);
            return (
              <tr key={rule.id}>
                <th scope="row">{label}</th>
                <td>{describeRuleParams(t, lang, rule)}</td>
                <td>
                  <span className={rule.severity === "HARD" ? "badge badge-error" : "badge badge-warning"}>{severityLabel(t, rule.severity)}</span>
                </td>
                <td>{rule.note}</td>
                {editable ? (
                  <td>
                    <Form method="post" className="kp-inline-form">
                      <input type="hidden" name="intent" value="removeRule" />
                      <input type="hidden" name="ruleId" value={rule.id} />
                      <button type="submit" className="button button-secondary kp-small-button">
                        {t("guidelines.remove")}
                        <span className="sr-only"> {t("guidelines.removeRuleHidden", { kind: label })}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CriteriaTable({ version, criteria, editable }: { version: number; criteria: readonly CriterionRow[]; editable: boolean }) {
  const t = useT();
  const lang = useLang();
  if (criteria.length === 0) return <p data-testid="criteria-none">{t("guidelines.criteria.none")}</p>;
  const shares = weightShares(criteria.map((c) => c.weight));
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="criteria">
        <caption>{t("guidelines.criteria.caption", { version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("guidelines.criteria.col.name")}</th>
            <th scope="col">{t("guidelines.criteria.col.description")}</th>
            <th scope="col" className="kp-num">
              {t("guidelines.criteria.col.weight")}
            </th>
            <th scope="col" className="kp-num">
              {t("guidelines.criteria.col.share")}
            </th>
            <th scope="col" className="kp-num">
              {t("guidelines.criteria.col.scale")}
            </th>
            {editable ? <th scope="col">{t("common.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion, index) => (
            <tr key={criterion.id}>
              <th scope="row">{criterion.name}</th>
              <td>{criterion.description}</td>
              <td className="kp-num">{formatInteger(criterion.weight, lang)}</td>
              <td className="kp-num">{formatPercent(shares[index]!, lang)}</td>
              <td className="kp-num">{t("guidelines.criteria.scale", { min: criterion.scaleMin, max: criterion.scaleMax })}</td>
              {editable ? (
                <td>
                  <div className="kp-actions" style={{ marginTop: 0 }}>
                    <Link to={`?criterion=${criterion.id}#criterion-form`}>
                      {t("common.edit")}
                      <span className="sr-only"> {t("guidelines.criterionHidden", { name: criterion.name })}</span>
                    </Link>
                    <Form method="post" className="kp-inline-form">
                      <input type="hidden" name="intent" value="removeCriterion" />
                      <input type="hidden" name="criterionId" value={criterion.id} />
                      <button type="submit" className="button button-secondary kp-small-button">
                        {t("guidelines.remove")}
                        <span className="sr-only"> {t("guidelines.criterionHidden", { name: criterion.name })}</span>
                      </button>
                    </Form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("guidelines.criteria.total")}
            </th>
            <td className="kp-num">{formatInteger(total, lang)}</td>
            <td className="kp-num">{formatPercent(10_000, lang)}</td>
            <td />
            {editable ? <td /> : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
