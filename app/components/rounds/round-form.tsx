// The fields of a round (create and edit). Times are Danish wall-clock time.
import { type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { useAppForm } from "~/components/ui/form";
import { MoneyField, TextField } from "~/components/ui/forms";
import { RoundSchema } from "./schema";
import { useT } from "~/utils/i18n";

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** A <input type="datetime-local"> with label, hint and error (DKFDS markup). */
export function DateTimeField({ field, label, hint, readOnly }: { field: Field; label: ReactNode; hint?: ReactNode; readOnly?: boolean }) {
  return <TextField field={field} label={label} hint={hint} type="datetime-local" className="form-input input-width-m" readOnly={readOnly} />;
}

/** The round form's Conform state (create and edit share the schema and the validation timing). */
export function useRoundForm(id: string, lastResult: SubmissionResult<string[]> | null | undefined, defaultValue: Record<keyof RoundFieldSet, string>) {
  return useAppForm({
    id,
    lastResult,
    defaultValue,
    schema: RoundSchema,
  });
}

export interface RoundFieldSet {
  name: Field;
  opensAt: Field;
  closesAt: Field;
  endorsementDeadline: Field;
  decisionDate: Field;
  budgetShare: Field;
}

export function RoundFields({
  fields,
  year,
  shareHint,
  opensAtLocked,
}: {
  fields: RoundFieldSet;
  year: number;
  shareHint: string;
  /** The round has opened: its opening time is shown but cannot change. */
  opensAtLocked?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField field={fields.name} label={t("rounds.field.name")} hint={t("rounds.field.nameHint", { year })} />
      <DateTimeField
        field={fields.opensAt}
        label={t("rounds.field.opensAt")}
        hint={opensAtLocked ? t("rounds.edit.openedHint") : t("rounds.field.opensAtHint", { year })}
        readOnly={opensAtLocked}
      />
      <DateTimeField field={fields.closesAt} label={t("rounds.field.closesAt")} hint={t("rounds.field.closesAtHint")} />
      <DateTimeField
        field={fields.endorsementDeadline}
        label={t("rounds.field.endorsementDeadline")}
        hint={t("rounds.field.endorsementDeadlineHint")}
      />
      <TextField
        field={fields.decisionDate}
        label={t("rounds.field.decisionDate")}
        hint={t("rounds.field.decisionDateHint", { year })}
        type="date"
        className="form-input input-width-s"
      />
      <MoneyField field={fields.budgetShare} label={t("rounds.field.budgetShare")} hint={shareHint} />
    </>
  );
}
