// The area and unit forms, shared by the "new" and "edit" pages.
import { type SubmissionResult } from "@conform-to/react";
import { Link } from "react-router";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { CheckboxField, SelectField, TextField } from "~/components/ui/forms";
import { useT } from "~/utils/i18n";
import { AreaSchema, UnitSchema } from "./schemas";

interface FormProps<V> {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: V;
  submitLabel: string;
  cancelTo: string;
}

export type AreaDefaults = {
  code: string;
  name: string;
  headName: string;
  sortOrder: number | string;
  active: boolean;
};

export function AreaForm({ lastResult, defaultValue, submitLabel, cancelTo }: FormProps<AreaDefaults>) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "area",
    lastResult,
    defaultValue: { ...defaultValue, sortOrder: String(defaultValue.sortOrder), active: defaultValue.active ? "on" : undefined },
    schema: AreaSchema,
  });
  return (
    <AppForm form={form} method="post">
      <TextField field={fields.code} label={t("org.area.code")} hint={t("org.area.codeHint")} className="form-input input-width-xs" autoComplete="off" />
      <TextField field={fields.name} label={t("org.area.name")} />
      <TextField field={fields.headName} label={t("org.area.headName")} optional autoComplete="off" />
      <TextField field={fields.sortOrder} label={t("org.area.sortOrder")} hint={t("org.area.sortOrderHint")} className="form-input input-width-xs" inputMode="numeric" optional />
      <CheckboxField field={fields.active} label={t("common.active")} hint={t("org.activeHint")} />
      <div className="kp-actions">
        <SubmitButton>
          {submitLabel}
        </SubmitButton>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </AppForm>
  );
}

export type UnitDefaults = {
  areaId: string;
  parentId: string;
  name: string;
  costCentre: string;
  active: boolean;
};

export interface UnitChoices {
  areas: readonly { id: string; code: string; name: string; active: boolean }[];
  units: readonly { id: string; areaCode: string; name: string; depth: number; active: boolean }[];
}

export function UnitForm({ lastResult, defaultValue, submitLabel, cancelTo, areas, units }: FormProps<UnitDefaults> & UnitChoices) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "unit",
    lastResult,
    defaultValue: { ...defaultValue, active: defaultValue.active ? "on" : undefined },
    schema: UnitSchema,
  });
  const inactive = ` (${t("common.inactive").toLowerCase()})`;
  return (
    <AppForm form={form} method="post">
      <SelectField
        field={fields.areaId}
        label={t("org.unit.area")}
        placeholder={t("org.chooseArea")}
        options={areas.map((a) => ({ value: a.id, label: `${a.code} – ${a.name}${a.active ? "" : inactive}` }))}
      />
      <SelectField
        field={fields.parentId}
        label={t("org.unit.parent")}
        hint={t("org.unit.parentHint")}
        placeholder={t("org.unit.noParent")}
        optional
        options={units.map((u) => ({
          value: u.id,
          label: `${u.areaCode} · ${"– ".repeat(u.depth)}${u.name}${u.active ? "" : inactive}`,
        }))}
      />
      <TextField field={fields.name} label={t("org.unit.name")} />
      <TextField field={fields.costCentre} label={t("org.unit.costCentre")} hint={t("org.unit.costCentreHint")} className="form-input input-width-s" optional autoComplete="off" />
      <CheckboxField field={fields.active} label={t("common.active")} hint={t("org.activeHint")} />
      <div className="kp-actions">
        <SubmitButton>
          {submitLabel}
        </SubmitButton>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </AppForm>
  );
}
