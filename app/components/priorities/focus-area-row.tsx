// One focus area in the prioritisation form: "med", rank, weight and an
// optional earmark. Every row is rendered (works without JavaScript); a row
// counts when its checkbox is on.
import type { FieldMetadata } from "@conform-to/react";
import { CheckboxField, SelectField, TextField } from "~/components/ui/forms";
import { useT } from "~/utils/i18n";
import { EARMARK_KINDS } from "./schema";

export type RowField = FieldMetadata<
  {
    focusAreaId: string;
    include: string;
    rank: string;
    weight: string;
    earmarkKind: string;
    earmarkValue: string;
    earmarkStrength: string;
  },
  Record<string, unknown>,
  string[]
>;

export function FocusAreaRow({ focusArea, row }: { focusArea: { id: string; name: string; description: string }; row: RowField }) {
  const t = useT();
  const f = row.getFieldset();
  const legendId = `${row.id}-legend`;
  return (
    <fieldset
      className="kp-focus-row"
      data-testid={`row-${focusArea.id}`}
      aria-labelledby={legendId}
      style={{ borderTop: "1px solid #bfbfbf", paddingTop: "0.75rem", marginTop: "1rem" }}
    >
      <legend id={legendId} className="h4" style={{ marginBottom: 0 }}>
        {focusArea.name}
      </legend>
      {focusArea.description ? <p className="form-hint">{focusArea.description}</p> : null}
      <input type="hidden" name={f.focusAreaId.name} value={focusArea.id} />
      <CheckboxField field={f.include} label={t("priorities.field.include")} />
      <div className="kp-filter">
        <TextField field={f.rank} label={t("priorities.field.rank")} className="form-input input-width-xxs" inputMode="numeric" />
        <TextField
          field={f.weight}
          label={t("priorities.field.weight")}
          hint={t("priorities.field.weightHint")}
          className="form-input input-width-xs"
          inputMode="decimal"
        />
        <SelectField
          field={f.earmarkKind}
          label={t("priorities.field.earmarkKind")}
          options={EARMARK_KINDS.map((kind) => ({ value: kind, label: t(`priorities.field.earmarkKind.${kind}`) }))}
        />
        <TextField
          field={f.earmarkValue}
          label={t("priorities.field.earmarkValue")}
          hint={t("priorities.field.earmarkValueHint")}
          className="form-input input-width-s"
          inputMode="decimal"
        />
        <SelectField
          field={f.earmarkStrength}
          label={t("priorities.field.earmarkStrength")}
          options={[
            { value: "soft", label: t("priorities.field.strength.soft") },
            { value: "hard", label: t("priorities.field.strength.hard") },
          ]}
        />
      </div>
    </fieldset>
  );
}
