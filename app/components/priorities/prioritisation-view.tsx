// How a recorded prioritisation is shown: ranked focus areas with weights and
// earmarks drawn as bars against the year's total, the earmark totals, and the
// history of revisions with what each one changed.
import { shareBasisPoints, type Ore } from "~/domain/money";
import { earmarkOre, formatHundredths, type StoredPrioritisedFocusArea } from "~/domain/prioritisation";
import { formatDate, formatDateTime, formatMoney, formatPercent, type Lang, type Translate } from "~/i18n";
import type { FocusAreaChangeView, PrioritisationView } from "~/domain/prioritisation";
import { useLang, useT } from "~/utils/i18n";
import { Alert } from "~/components/ui/alert";

export function formatWeight(hundredths: number, lang: Lang): string {
  return formatHundredths(hundredths, lang === "da" ? "," : ".");
}

/** "500.000,00 kr. (hård)" / "10 % = 250.000,00 kr. (blød)" / "ingen". */
export function describeEarmark(fa: StoredPrioritisedFocusArea, t: Translate, lang: Lang): string {
  if (fa.earmarkKind === "NONE") return t("priorities.describe.none");
  const strength = t(fa.earmarkHard ? "priorities.describe.hard" : "priorities.describe.soft");
  const amount = formatMoney(fa.earmarkOre ?? 0n, lang);
  if (fa.earmarkKind === "AMOUNT") return t("priorities.describe.amount", { amount, strength });
  return t("priorities.describe.percent", { percent: formatPercent(fa.earmarkBasisPoints ?? 0, lang), amount, strength });
}

const EARMARK_FIELDS = new Set(["earmarkKind", "earmarkBasisPoints", "earmarkOre", "earmarkHard"]);

/** One change of a revision as a Danish sentence. */
export function describeChange(change: FocusAreaChangeView, t: Translate, lang: Lang): string {
  switch (change.type) {
    case "added": {
      const details = t("priorities.change.rankWeight", { rank: change.after.rank, weight: formatWeight(change.after.weightHundredths, lang) });
      return t("priorities.change.added", {
        name: change.name,
        details:
          change.after.earmarkKind === "NONE"
            ? details
            : t("priorities.change.withEarmark", { details, earmark: describeEarmark(change.after, t, lang) }),
      });
    }
    case "removed":
      return t("priorities.change.removed", { name: change.name, rank: change.before.rank });
    case "changed": {
      const parts: string[] = [];
      if (change.fields.includes("rank")) parts.push(t("priorities.change.rank", { from: change.before.rank, to: change.after.rank }));
      if (change.fields.includes("weightHundredths")) {
        parts.push(
          t("priorities.change.weight", {
            from: formatWeight(change.before.weightHundredths, lang),
            to: formatWeight(change.after.weightHundredths, lang),
          }),
        );
      }
      if (change.fields.some((field) => EARMARK_FIELDS.has(field))) {
        parts.push(t("priorities.change.earmark", { from: describeEarmark(change.before, t, lang), to: describeEarmark(change.after, t, lang) }));
      }
      return t("priorities.change.changed", { name: change.name, details: parts.join("; ") });
    }
  }
}

/** A horizontal bar for a share (0–100 %), decorative: the same value is always written next to it. */
export function ShareBar({ basisPoints, hard }: { basisPoints: number; hard: boolean }) {
  const width = Math.min(100, Math.max(0, basisPoints / 100));
  return (
    <div
      aria-hidden="true"
      data-testid="share-bar"
      style={{ background: "#e6e6e6", border: "1px solid #747474", height: "0.875rem", width: "100%", minWidth: "8rem", maxWidth: "16rem" }}
    >
      <div
        style={{
          width: `${width}%`,
          height: "100%",
          // Hard earmarks solid, soft ones striped: the difference does not rest on colour alone.
          background: hard ? "#004993" : "repeating-linear-gradient(45deg, #004993 0 3px, #ffffff 3px 6px)",
        }}
      />
    </div>
  );
}

export function FocusAreaTable({ prioritisation, year, yearTotalOre }: { prioritisation: PrioritisationView; year: number; yearTotalOre: Ore }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="prioritised-focus-areas">
        <caption>{t("priorities.caption", { year })}</caption>
        <thead>
          <tr>
            <th scope="col" className="kp-num">
              {t("priorities.col.rank")}
            </th>
            <th scope="col">{t("priorities.col.focusArea")}</th>
            <th scope="col" className="kp-num">
              {t("priorities.col.weight")}
            </th>
            <th scope="col">{t("priorities.col.earmark")}</th>
            <th scope="col">{t("priorities.col.share")}</th>
          </tr>
        </thead>
        <tbody>
          {prioritisation.focusAreas.map((fa) => {
            const amount = fa.earmarkOre ?? 0n;
            const share = shareBasisPoints(amount, yearTotalOre);
            const recomputed =
              fa.earmarkKind === "PERCENT" ? earmarkOre({ kind: "PERCENT", basisPoints: fa.earmarkBasisPoints ?? 0, hard: fa.earmarkHard }, yearTotalOre) : null;
            return (
              <tr key={fa.focusAreaId}>
                <td className="kp-num">{fa.rank}</td>
                <th scope="row">
                  {fa.name}
                  {fa.active ? null : <span className="weight-normal"> {t("priorities.inactive")}</span>}
                </th>
                <td className="kp-num" data-testid="weight">
                  {formatWeight(fa.weightHundredths, lang)}
                </td>
                <td>
                  {fa.earmarkKind === "NONE" ? (
                    t("priorities.earmark.none")
                  ) : (
                    <>
                      <span className="kp-nowrap">
                        {fa.earmarkKind === "PERCENT"
                          ? t("priorities.earmark.percent", { percent: formatPercent(fa.earmarkBasisPoints ?? 0, lang), amount: formatMoney(amount, lang) })
                          : formatMoney(amount, lang)}
                      </span>
                      <br />
                      {t(fa.earmarkHard ? "priorities.strength.hard" : "priorities.strength.soft")}
                      {recomputed !== null && recomputed !== amount ? (
                        <>
                          <br />
                          <span className="form-hint">
                            {t("priorities.earmark.recomputed", {
                              percent: formatPercent(fa.earmarkBasisPoints ?? 0, lang),
                              amount: formatMoney(recomputed, lang),
                            })}
                          </span>
                        </>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  {fa.earmarkKind === "NONE" ? null : (
                    <>
                      <ShareBar basisPoints={share} hard={fa.earmarkHard} />
                      <span className="kp-nowrap">{formatPercent(share, lang)}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function EarmarkTotals({ earmarkedOre, yearTotalOre }: { earmarkedOre: Ore; yearTotalOre: Ore }) {
  const t = useT();
  const lang = useLang();
  const share = shareBasisPoints(earmarkedOre, yearTotalOre);
  const over = earmarkedOre > yearTotalOre;
  return (
    <section aria-labelledby="earmark-totals">
      <h3 className="h4" id="earmark-totals">
        {t("priorities.totals.title")}
      </h3>
      <dl className="kp-dl" data-testid="earmark-totals">
        <dt>{t("priorities.totals.yearTotal")}</dt>
        <dd className="kp-num" data-testid="year-total">
          {formatMoney(yearTotalOre, lang)}
        </dd>
        <dt>{t("priorities.totals.earmarked")}</dt>
        <dd className="kp-num" data-testid="earmarked">
          {formatMoney(earmarkedOre, lang)} ({formatPercent(share, lang)})
        </dd>
        <dt>{t("priorities.totals.notEarmarked")}</dt>
        <dd className="kp-num" data-testid="not-earmarked">
          {formatMoney(yearTotalOre - earmarkedOre, lang)}
        </dd>
      </dl>
      <ShareBar basisPoints={share} hard />
      {over ? (
        <Alert variant="warning" role="status">
          <p className="alert-text">{t("priorities.totals.overBudget")}</p>
        </Alert>
      ) : null}
    </section>
  );
}

export function RevisionHistory({ revisions }: { revisions: readonly PrioritisationView[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ol className="kp-history" data-testid="history" reversed style={{ listStyle: "none", paddingLeft: 0 }}>
      {revisions.map((revision, index) => (
        <li key={revision.id} id={`revision-${revision.revision}`} style={{ marginBottom: "1.5rem" }}>
          <h3 className="h4">
            {t("priorities.history.revision", { revision: revision.revision })}
            {index === 0 ? <span className="weight-normal"> ({t("priorities.history.inForce")})</span> : null}
          </h3>
          <p className="form-hint">
            {t("priorities.history.summary", {
              date: formatDate(revision.decidedOn, lang, { dateOnly: true }),
              version: revision.guideline.version,
              name: revision.createdByName ?? t("priorities.system"),
              at: formatDateTime(revision.createdAt, lang),
            })}
          </p>
          {revision.note ? <p>{revision.note}</p> : null}
          {revision.changes === null ? (
            <p>{t("priorities.history.first")}</p>
          ) : (
            <ul>
              {revision.changes.guideline ? <li>{t("priorities.change.guideline", revision.changes.guideline)}</li> : null}
              {revision.changes.focusAreas.length === 0 ? <li>{t("priorities.history.noChanges")}</li> : null}
              {revision.changes.focusAreas.map((change) => (
                <li key={change.focusAreaId}>{describeChange(change, t, lang)}</li>
              ))}
              {revision.changes.noteChanged ? <li>{t("priorities.change.note")}</li> : null}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
