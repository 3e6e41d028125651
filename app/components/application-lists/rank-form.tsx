// The area lead's ranking of the area's endorsed applications in one round:
// one number field per application (1..n). Works without JavaScript; with it,
// Conform checks the places (a place used twice) before the form is sent.
import { type SubmissionResult } from "@conform-to/react";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { TextField } from "~/components/ui/forms";
import { isolateText } from "~/domain/text";
import { formatMoney } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { RankSchema } from "./schema";

export interface RankFormItem {
  id: string;
  reference: string;
  title: string;
  unitName: string;
  requestedOre: bigint;
  endorsementRank: number | null;
}

export function RankForm({
  roundId,
  areaId,
  items,
  lastResult,
}: {
  roundId: string;
  areaId: string;
  items: RankFormItem[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useAppForm({
    id: `rank-${areaId}`,
    lastResult,
    schema: RankSchema,
    defaultValue: {
      intent: "rank",
      roundId,
      areaId,
      ranks: items.map((item) => ({ id: item.id, rank: item.endorsementRank === null ? "" : String(item.endorsementRank) })),
    },
  });
  const rows = fields.ranks.getFieldList();
  return (
    <AppForm form={form} method="post" data-testid={`rank-form-${areaId}`}>
      <input type="hidden" name={fields.intent.name} value="rank" />
      <input type="hidden" name={fields.roundId.name} value={roundId} />
      <input type="hidden" name={fields.areaId.name} value={areaId} />
      {items.map((item, index) => {
        const row = rows[index]?.getFieldset();
        if (!row) return null;
        return (
          <div key={item.id}>
            <input type="hidden" name={row.id.name} value={item.id} />
            <TextField
              field={row.rank}
              type="number"
              inputMode="numeric"
              className="form-input input-width-xs"
              label={t("appList.rank.field", { reference: item.reference })}
              hint={`${item.title ? isolateText(item.title) : t("appList.untitled")} · ${isolateText(item.unitName)} · ${formatMoney(item.requestedOre, lang)}`}
            />
          </div>
        );
      })}
      <div className="kp-actions">
        <SubmitButton>
          {t("appList.rank.submit")}
        </SubmitButton>
      </div>
    </AppForm>
  );
}
