// Screening verdicts (formel vurdering): each rule with its outcome as text and
// a symbol (never colour alone) and the sentence that quotes the numbers.
import type { Outcome } from "~/domain/screening/engine";
import type { RuleKind, Severity } from "~/domain/screening/rules";
import { Alert } from "~/components/ui/alert";
import { useT } from "~/utils/i18n";

export interface VerdictItem {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  outcome: Outcome;
  /** The rule's name with its limit ("Start senest 6 måneder efter afgørelsen"). */
  name: string;
  text: string;
}

export interface ScreeningData {
  verdicts: VerdictItem[];
  blocked: boolean;
  warnings: number;
  failures: number;
}

const BADGE: Record<Outcome, string> = {
  pass: "badge badge-success",
  fail: "badge badge-error",
  warning: "badge badge-warning",
  notApplicable: "badge",
};

const SYMBOL: Record<Outcome, string> = { pass: "✓", fail: "✗", warning: "!", notApplicable: "–" };

function Summary({ kind, result, text }: { kind: "error" | "warning" | "success"; result: string; text: string }) {
  return (
    <Alert variant={kind} testId="screening-summary" data={{ "data-result": result }}>
      {text}
    </Alert>
  );
}

export function ScreeningSummary({ screening }: { screening: ScreeningData }) {
  const t = useT();
  if (screening.verdicts.length === 0) return <p>{t("applications.screening.noRules")}</p>;
  if (screening.blocked) return <Summary kind="error" result="blocked" text={t("applications.screening.blocked", { count: screening.failures })} />;
  if (screening.warnings > 0) return <Summary kind="warning" result="warnings" text={t.plural("applications.screening.warnings", screening.warnings)} />;
  return <Summary kind="success" result="ok" text={t("applications.screening.allPass")} />;
}

export function ScreeningVerdicts({ screening, caption }: { screening: ScreeningData; caption: string }) {
  const t = useT();
  return (
    <div data-testid="screening">
      <ScreeningSummary screening={screening} />
      {screening.verdicts.length > 0 ? (
        <div className="kp-table-wrap">
          <table className="table table--compact">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.screening.rule")}</th>
                <th scope="col">{t("applications.screening.result")}</th>
                <th scope="col">{t("applications.screening.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {screening.verdicts.map((verdict) => (
                <tr key={verdict.ruleId} data-testid="verdict" data-outcome={verdict.outcome} data-kind={verdict.kind}>
                  <th scope="row">
                    {verdict.name}
                    <br />
                    <span className="weight-normal">{t(`severity.${verdict.severity}`)}</span>
                  </th>
                  <td className="kp-nowrap">
                    <span className={BADGE[verdict.outcome]}>
                      <span aria-hidden="true">{SYMBOL[verdict.outcome]} </span>
                      {t(`screening.outcome.${verdict.outcome}`)}
                    </span>
                  </td>
                  <td>{verdict.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
