// What changed between two submitted versions: one row per changed field, with
// Danish labels, money formatted, lists readable and texts compared word by word
// (removed words struck through and added words marked, with screen-reader text).
import { diffWords } from "diff";
import type { ReactNode } from "react";
import type { FieldChange } from "~/domain/applications/versions";
import { formatInteger, formatMoney, type Lang, type MessageKey, type Translate } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { activityTypeText, costLineText, dateText } from "./content";
import { SNAPSHOT_FIELDS, TEXT_FIELDS, type SnapshotArea, type SnapshotAttachment, type SnapshotCostLine, type SnapshotField, type SnapshotFocusArea } from "~/domain/applications/snapshot";

const LABELS: Record<SnapshotField, MessageKey> = {
  unit: "applications.field.unit",
  contactName: "applications.field.contactName",
  contactEmail: "applications.field.contactEmail",
  title: "applications.field.title",
  purpose: "applications.field.purpose",
  focusAreas: "applications.field.focusAreas",
  partnerAreas: "applications.field.partnerAreas",
  targetGroup: "applications.field.targetGroup",
  participants: "applications.field.participants",
  activityType: "applications.field.activityType",
  startDate: "applications.field.startDate",
  endDate: "applications.field.endDate",
  costLines: "applications.field.costLines",
  totalCostOre: "applications.amounts.total",
  coFinancingOre: "applications.amounts.coFinancing",
  requestedOre: "applications.amounts.requested",
  expectedEffect: "applications.field.expectedEffect",
  followUpPlan: "applications.field.followUpPlan",
  softRuleJustification: "applications.field.softRuleJustification",
  attachments: "applications.section.attachments",
};

export function isSnapshotField(field: string): field is SnapshotField {
  return (SNAPSHOT_FIELDS as readonly string[]).includes(field);
}

function List({ items }: { items: string[] }) {
  const t = useT();
  if (items.length === 0) return <>{t("common.none")}</>;
  return (
    <ul className="mt-0 mb-0">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** A field's value as readable text (or a list). */
export function valueText(field: SnapshotField, value: unknown, t: Translate, lang: Lang): ReactNode {
  if (value === undefined || value === null || value === "") return <span className="form-hint">{t("applications.notFilledIn")}</span>;
  switch (field) {
    case "unit":
      return (value as { name: string }).name;
    case "focusAreas":
      return <List items={(value as SnapshotFocusArea[]).map((fa) => (fa.primary ? t("applications.focusAreas.primaryMark", { name: fa.name }) : fa.name))} />;
    case "partnerAreas":
      return <List items={(value as SnapshotArea[]).map((a) => a.name)} />;
    case "costLines":
      return <List items={(value as SnapshotCostLine[]).map((line) => costLineText(t, lang, line))} />;
    case "attachments":
      return <List items={(value as SnapshotAttachment[]).map((a) => a.fileName)} />;
    case "totalCostOre":
    case "coFinancingOre":
    case "requestedOre":
      return formatMoney(BigInt(value as string), lang);
    case "participants":
      return formatInteger(value as number, lang);
    case "activityType":
      return activityTypeText(t, value as string);
    case "startDate":
    case "endDate":
      return dateText(value as string, lang);
    default:
      return String(value);
  }
}

function WordDiff({ before, after }: { before: string; after: string }) {
  const t = useT();
  return (
    <span className="kp-word-diff">
      {diffWords(before, after).map((part, index) => {
        if (part.added)
          return (
            <ins key={index}>
              <span className="sr-only">[{t("applications.versions.added")}: </span>
              {part.value}
              <span className="sr-only">]</span>
            </ins>
          );
        if (part.removed)
          return (
            <del key={index}>
              <span className="sr-only">[{t("applications.versions.removed")}: </span>
              {part.value}
              <span className="sr-only">]</span>
            </del>
          );
        return <span key={index}>{part.value}</span>;
      })}
    </span>
  );
}

export function VersionDiff({ changes, fromVersion, toVersion }: { changes: readonly FieldChange[]; fromVersion: number; toVersion: number }) {
  const t = useT();
  const lang = useLang();
  const known = changes.filter((c): c is FieldChange & { field: SnapshotField } => isSnapshotField(c.field));
  const ordered = SNAPSHOT_FIELDS.flatMap((field) => known.filter((c) => c.field === field));
  if (ordered.length === 0) return <p data-testid="no-changes">{t("applications.versions.noChanges", { from: fromVersion, to: toVersion })}</p>;
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="version-diff">
        <caption>{t("applications.versions.diffCaption", { from: fromVersion, to: toVersion })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.versions.field")}</th>
            <th scope="col">{t("applications.versions.before", { versionNo: fromVersion })}</th>
            <th scope="col">{t("applications.versions.after", { versionNo: toVersion })}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <th scope="row">{t(LABELS[change.field])}</th>
              <td>{valueText(change.field, change.before, t, lang)}</td>
              <td>
                {TEXT_FIELDS.includes(change.field) && typeof change.before === "string" && typeof change.after === "string" && change.before && change.after ? (
                  <WordDiff before={change.before} after={change.after} />
                ) : (
                  valueText(change.field, change.after, t, lang)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
