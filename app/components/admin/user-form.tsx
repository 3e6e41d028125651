// The user form (create and edit): e-mail, name, unit and roles with their scope.
import type { SubmissionResult } from "@conform-to/react";
import { Link } from "react-router";
import { ROLES } from "~/domain/permissions";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { CheckboxGroupField, SelectField, TextField } from "~/components/ui/forms";
import { useT } from "~/utils/i18n";
import { UserCreateSchema, UserUpdateSchema } from "./schemas";

export type UserDefaults = {
  email: string;
  name: string;
  unitId: string;
  roles: string[];
  leadAreaId: string;
  applicantUnitId: string;
};

export interface UserChoices {
  areas: readonly { id: string; code: string; name: string; active: boolean }[];
  units: readonly { id: string; areaCode: string; name: string; depth: number; active: boolean }[];
}

export function UserForm({
  mode,
  lastResult,
  defaultValue,
  areas,
  units,
  minPasswordLength,
  cancelTo,
}: {
  mode: "create" | "edit";
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: UserDefaults;
  minPasswordLength: number;
  cancelTo: string;
} & UserChoices) {
  const t = useT();
  const schema = mode === "create" ? UserCreateSchema : UserUpdateSchema;
  const [form, fields] = useAppForm({
    id: mode === "create" ? "user-new" : "user-edit",
    lastResult,
    defaultValue: mode === "create" ? { ...defaultValue, password: "" } : { ...defaultValue, intent: "update" },
    schema: schema,
  });
  const inactive = ` (${t("common.inactive").toLowerCase()})`;
  const unitChoices = units.map((u) => ({
    value: u.id,
    label: `${u.areaCode} · ${"– ".repeat(u.depth)}${u.name}${u.active ? "" : inactive}`,
  }));
  // The area field is required as soon as the area-lead role is ticked (the value
  // follows the checkboxes with JavaScript, and the submitted roles without it).
  const tickedRoles = ([] as unknown[]).concat(fields.roles.value ?? []);
  const leadsArea = tickedRoles.includes("AREA_LEAD");
  return (
    <AppForm form={form} method="post">
      {mode === "edit" ? <input type="hidden" name="intent" value="update" /> : null}
      <TextField field={fields.email} label={t("users.email")} type="email" autoComplete="off" />
      <TextField field={fields.name} label={t("users.name")} autoComplete="off" />
      <SelectField field={fields.unitId} label={t("users.unit")} placeholder={t("users.noUnit")} optional options={unitChoices} />

      <CheckboxGroupField
        field={fields.roles}
        legend={t("users.roles")}
        hint={t("users.rolesHint")}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />

      <SelectField
        field={fields.leadAreaId}
        label={t("users.leadArea")}
        hint={t("users.leadAreaHint")}
        placeholder={t("users.noArea")}
        optional={!leadsArea}
        options={areas.map((a) => ({ value: a.id, label: `${a.code} – ${a.name}${a.active ? "" : inactive}` }))}
      />
      <SelectField
        field={fields.applicantUnitId}
        label={t("users.applicantUnit")}
        hint={t("users.applicantUnitHint")}
        placeholder={t("users.ownUnit")}
        optional
        options={unitChoices}
      />
      {mode === "create" ? (
        <TextField
          field={fields.password}
          label={t("users.initialPassword")}
          hint={t("users.passwordHint", { min: minPasswordLength })}
          type="password"
          autoComplete="new-password"
        />
      ) : null}
      <div className="kp-actions">
        <SubmitButton intent="update">
          {mode === "create" ? t("users.createSubmit") : t("common.save")}
        </SubmitButton>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </AppForm>
  );
}
