// The summary box of the application's amounts: total costs, own co-financing
// and the requested amount (= total − co-financing; computed, never typed).
import type { Ore } from "~/domain/money";
import { formatMoney } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";

export function AmountsSummary({
  totalCostOre,
  coFinancingOre,
  requestedOre,
  note,
  live = false,
}: {
  totalCostOre: Ore;
  coFinancingOre: Ore;
  requestedOre: Ore;
  note?: string;
  live?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="bg-alternative p-4" data-testid="amounts">
      <h3 className="h4 mt-0">{t("applications.amounts.title")}</h3>
      <dl className="kp-dl" aria-live={live ? "polite" : undefined}>
        <dt>{t("applications.amounts.total")}</dt>
        <dd className="kp-num" data-testid="amount-total">
          {formatMoney(totalCostOre, lang)}
        </dd>
        <dt>{t("applications.amounts.coFinancing")}</dt>
        <dd className="kp-num" data-testid="amount-cofinancing">
          {formatMoney(coFinancingOre, lang)}
        </dd>
        <dt>{t("applications.amounts.requested")}</dt>
        <dd className="kp-num" data-testid="amount-requested">
          <strong>{formatMoney(requestedOre, lang)}</strong>
        </dd>
      </dl>
      <p className="form-hint mb-0">{note ?? t("applications.amounts.requestedHint")}</p>
    </div>
  );
}
