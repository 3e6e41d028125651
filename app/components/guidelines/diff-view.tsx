// The diff of two guideline versions: text with <ins>/<del> (each with a
// hidden label for screen readers, colours from DKFDS's alert palette with
// dark text: contrast well above 4.5:1), and tables of changed rules and criteria.
import type { CSSProperties } from "react";
import type { BodyBlock, CriterionChange, CriterionSnapshot, RuleChange, RuleSnapshot, TextPart } from "~/domain/guidelines";
import { formatInteger } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { describeRuleParams, ruleKindLabel, severityLabel } from "./rule-text";

const INS_STYLE: CSSProperties = { background: "#ddf7ce", color: "#1a1a1a", textDecoration: "underline", textDecorationThickness: "2px" };
const DEL_STYLE: CSSProperties = { background: "#ffe0e0", color: "#1a1a1a", textDecoration: "line-through" };
const TEXT_STYLE: CSSProperties = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontFamily: "inherit", margin: 0 };
const BLOCK_STYLE: CSSProperties = { borderLeft: "4px solid #bfbfbf", padding: "0.25rem 0.75rem", margin: "0.5rem 0" };

function Ins({ children }: { children: string }) {
  const t = useT();
  return (
    <ins style={INS_STYLE}>
      <span className="sr-only">{`${t("guidelines.diff.sr.added")} `}</span>
      {children}
      <span className="sr-only">{` ${t("guidelines.diff.sr.end")}`}</span>
    </ins>
  );
}

function Del({ children }: { children: string }) {
  const t = useT();
  return (
    <del style={DEL_STYLE}>
      <span className="sr-only">{`${t("guidelines.diff.sr.removed")} `}</span>
      {children}
      <span className="sr-only">{` ${t("guidelines.diff.sr.end")}`}</span>
    </del>
  );
}

export function TextDiff({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.type === "added" ? <Ins key={index}>{part.text}</Ins> : part.type === "removed" ? <Del key={index}>{part.text}</Del> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

export function BodyDiff({ blocks }: { blocks: readonly BodyBlock[] }) {
  const t = useT();
  return (
    <div data-testid="body-diff">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "same":
            return (
              <pre key={index} style={{ ...TEXT_STYLE, ...BLOCK_STYLE }}>
                {block.lines.join("\n")}
              </pre>
            );
          case "skipped":
            return (
              <p key={index} className="form-hint" style={{ margin: "0.5rem 0" }}>
                {t.plural("guidelines.diff.skipped", block.count)}
              </p>
            );
          case "added":
            return (
              <pre key={index} style={{ ...TEXT_STYLE, ...BLOCK_STYLE, borderLeftColor: "#358000" }}>
                <Ins>{block.lines.join("\n")}</Ins>
              </pre>
            );
          case "removed":
            return (
              <pre key={index} style={{ ...TEXT_STYLE, ...BLOCK_STYLE, borderLeftColor: "#cc0000" }}>
                <Del>{block.lines.join("\n")}</Del>
              </pre>
            );
          case "changed":
            return (
              <pre key={index} style={{ ...TEXT_STYLE, ...BLOCK_STYLE, borderLeftColor: "#febb30" }}>
                <TextDiff parts={block.parts} />
              </pre>
            );
        }
      })}
    </div>
  );
}

function ruleSummary(t: ReturnType<typeof useT>, lang: ReturnType<typeof useLang>, rule: RuleSnapshot): string {
  const parts = [describeRuleParams(t, lang, rule), severityLabel(t, rule.severity)];
  if (rule.note) parts.push(rule.note);
  return parts.join(" · ");
}

const EMPTY = "—";

export function RuleChanges({ changes, before, after }: { changes: readonly RuleChange[]; before: number; after: number }) {
  const t = useT();
  const lang = useLang();
  if (changes.length === 0) return <p>{t("guidelines.diff.unchanged")}</p>;
  const rows: ChangeRow[] = [];
  changes.forEach((change, i) => {
    const kind = ruleKindLabel(t, change.kind);
    if (change.type === "added") rows.push({ key: `${i}`, label: kind, what: t("guidelines.diff.added"), was: EMPTY, now: ruleSummary(t, lang, change.after) });
    else if (change.type === "removed") rows.push({ key: `${i}`, label: kind, what: t("guidelines.diff.removed"), was: ruleSummary(t, lang, change.before), now: EMPTY });
    else {
      for (const field of change.fields) {
        const value = (rule: RuleSnapshot) =>
          field === "severity" ? severityLabel(t, rule.severity) : field === "params" ? describeRuleParams(t, lang, rule) : rule.note || EMPTY;
        rows.push({
          key: `${i}-${field}`,
          label: kind,
          what: t(field === "severity" ? "guidelines.diff.field.severity" : field === "params" ? "guidelines.diff.field.params" : "guidelines.diff.field.note"),
          was: value(change.before),
          now: value(change.after),
        });
      }
    }
  });
  return (
    <ChangeTable
      testId="rule-changes"
      caption={t("guidelines.diff.rulesCaption")}
      firstColumn={t("guidelines.rules.col.kind")}
      rows={rows}
      before={before}
      after={after}
    />
  );
}

export function CriterionChanges({ changes, before, after }: { changes: readonly CriterionChange[]; before: number; after: number }) {
  const t = useT();
  const lang = useLang();
  if (changes.length === 0) return <p>{t("guidelines.diff.unchanged")}</p>;
  const summary = (c: CriterionSnapshot) =>
    [
      `${t("guidelines.diff.field.weight")} ${formatInteger(c.weight, lang)}`,
      `${t("guidelines.diff.field.scale")} ${t("guidelines.criteria.scale", { min: c.scaleMin, max: c.scaleMax })}`,
      c.description,
    ]
      .filter(Boolean)
      .join(" · ");
  const rows: ChangeRow[] = [];
  changes.forEach((change, i) => {
    if (change.type === "added") rows.push({ key: `${i}`, label: change.name, what: t("guidelines.diff.added"), was: EMPTY, now: summary(change.after) });
    else if (change.type === "removed") rows.push({ key: `${i}`, label: change.name, what: t("guidelines.diff.removed"), was: summary(change.before), now: EMPTY });
    else {
      for (const field of change.fields) {
        const value = (c: CriterionSnapshot) =>
          field === "name"
            ? c.name
            : field === "description"
              ? c.description || EMPTY
              : field === "weight"
                ? formatInteger(c.weight, lang)
                : t("guidelines.criteria.scale", { min: c.scaleMin, max: c.scaleMax });
        rows.push({
          key: `${i}-${field}`,
          label: change.name,
          what: t(`guidelines.diff.field.${field}`),
          was: value(change.before),
          now: value(change.after),
        });
      }
    }
  });
  return (
    <ChangeTable
      testId="criterion-changes"
      caption={t("guidelines.diff.criteriaCaption")}
      firstColumn={t("guidelines.criteria.col.name")}
      rows={rows}
      before={before}
      after={after}
    />
  );
}

interface ChangeRow {
  key: string;
  label: string;
  what: string;
  was: string;
  now: string;
}

/** One row per changed field: what it was in the older version and what it is in the newer. */
function ChangeTable(props: { testId: string; caption: string; firstColumn: string; rows: ChangeRow[]; before: number; after: number }) {
  const t = useT();
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.firstColumn}</th>
            <th scope="col">{t("guidelines.diff.col.change")}</th>
            <th scope="col">{t("guidelines.diff.col.before", { version: props.before })}</th>
            <th scope="col">{t("guidelines.diff.col.after", { version: props.after })}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.what}</td>
              <td>{row.was === EMPTY ? row.was : <Del>{row.was}</Del>}</td>
              <td>{row.now === EMPTY ? row.now : <Ins>{row.now}</Ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
