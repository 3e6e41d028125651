// An application's content, read-only, in the form's sections (for the detail
// page: the latest submitted version, or the draft).
import type { ReactNode } from "react";
import { isolateText, stripBidiControls } from "~/domain/text";
import { formatDate, formatInteger, formatMoney, type Lang, type MessageKey, type Translate } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { UserText } from "../ui/user-text";
import { AmountsSummary } from "./amounts";
import { isActivityType, isCostCategory } from "~/domain/applications/content";
import type { ApplicationSnapshot, SnapshotCostLine } from "~/domain/applications/snapshot";

export function activityTypeText(t: Translate, value: string | null): string {
  return value && isActivityType(value) ? t(`applications.activityType.${value}`) : "";
}

export function costCategoryText(t: Translate, value: string): string {
  if (!isCostCategory(value)) return t("applications.costLines.noCategory");
  const text = t(`costCategory.${value}` as MessageKey);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dateText(iso: string | null, lang: Lang): string {
  return iso ? formatDate(new Date(`${iso}T00:00:00.000Z`), lang, { dateOnly: true }) : "";
}

export function costLineText(t: Translate, lang: Lang, line: SnapshotCostLine): string {
  const parts = [costCategoryText(t, line.category), isolateText(line.description)].filter(Boolean).join(" – ");
  return `${parts}: ${formatMoney(BigInt(line.amountOre), lang)}`;
}

/** A paragraph per line break (texts are typed in a textarea). */
export function MultilineText({ text }: { text: string }) {
  const t = useT();
  if (!text.trim()) return <span className="form-hint">{t("applications.notFilledIn")}</span>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="mt-0" dir="auto">
          {stripBidiControls(paragraph).split("\n").flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}
        </p>
      ))}
    </>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const t = useT();
  const empty = children === "" || children === null || children === undefined;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{empty ? <span className="form-hint">{t("applications.notFilledIn")}</span> : children}</dd>
    </>
  );
}

export function CostLinesTable({ lines, caption }: { lines: readonly SnapshotCostLine[]; caption: string }) {
  const t = useT();
  const lang = useLang();
  if (lines.length === 0) return <p>{t("applications.costLines.none")}</p>;
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="cost-lines">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.field.category")}</th>
            <th scope="col">{t("applications.field.description")}</th>
            <th scope="col" className="kp-num">
              {t("applications.field.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={index}>
              <td>{costCategoryText(t, line.category)}</td>
              <td><UserText text={line.description} /></td>
              <td className="kp-num">{formatMoney(BigInt(line.amountOre), lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApplicationContent({ snapshot }: { snapshot: ApplicationSnapshot }) {
  const t = useT();
  const lang = useLang();
  const primary = snapshot.focusAreas.find((fa) => fa.primary);
  const others = snapshot.focusAreas.filter((fa) => !fa.primary);
  return (
    <div data-testid="application-content">
      <h2>{t("applications.section.about")}</h2>
      <dl className="kp-dl">
        <Row label={t("applications.field.unit")}><UserText text={snapshot.unit.name} /></Row>
        <Row label={t("applications.field.contact")}>
          {snapshot.contactName || snapshot.contactEmail ? (
            <>
              <UserText text={snapshot.contactName} />
              {snapshot.contactEmail ? (
                <>
                  {snapshot.contactName ? ", " : ""}
                  <a href={`mailto:${snapshot.contactEmail}`}><UserText text={snapshot.contactEmail} /></a>
                </>
              ) : null}
            </>
          ) : (
            ""
          )}
        </Row>
        <Row label={t("applications.field.title")} testId="content-title">
          <UserText text={snapshot.title} />
        </Row>
        <Row label={t("applications.field.primaryFocusArea")}><UserText text={primary?.name} /></Row>
        <Row label={t("applications.field.otherFocusAreas")}>{others.length ? others.map((fa) => isolateText(fa.name)).join(", ") : t("common.none")}</Row>
        <Row label={t("applications.field.partnerAreas")}>
          {snapshot.partnerAreas.length ? snapshot.partnerAreas.map((a) => isolateText(a.name)).join(", ") : t("common.none")}
        </Row>
      </dl>
      <h3>{t("applications.field.purpose")}</h3>
      <MultilineText text={snapshot.purpose} />

      <h2>{t("applications.section.activity")}</h2>
      <dl className="kp-dl">
        <Row label={t("applications.field.activityType")}>{activityTypeText(t, snapshot.activityType)}</Row>
        <Row label={t("applications.field.targetGroup")}><UserText text={snapshot.targetGroup} /></Row>
        <Row label={t("applications.field.participants")}>{snapshot.participants === null ? "" : formatInteger(snapshot.participants, lang)}</Row>
        <Row label={t("applications.field.period")}>
          {snapshot.startDate || snapshot.endDate
            ? t("applications.periodText", { start: dateText(snapshot.startDate, lang) || "?", end: dateText(snapshot.endDate, lang) || "?" })
            : ""}
        </Row>
      </dl>

      <h2>{t("applications.section.economy")}</h2>
      <CostLinesTable lines={snapshot.costLines} caption={t("applications.costLines.caption")} />
      <AmountsSummary
        totalCostOre={BigInt(snapshot.totalCostOre)}
        coFinancingOre={BigInt(snapshot.coFinancingOre)}
        requestedOre={BigInt(snapshot.requestedOre)}
      />

      <h2>{t("applications.section.effect")}</h2>
      <h3>{t("applications.field.expectedEffect")}</h3>
      <MultilineText text={snapshot.expectedEffect} />
      <h3>{t("applications.field.followUpPlan")}</h3>
      <MultilineText text={snapshot.followUpPlan} />
      {snapshot.softRuleJustification ? (
        <>
          <h3>{t("applications.field.softRuleJustification")}</h3>
          <MultilineText text={snapshot.softRuleJustification} />
        </>
      ) : null}
    </div>
  );
}
