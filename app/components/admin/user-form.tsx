// The user form (create and edit): e-mail, name, unit and roles with their scope.
import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import type { z } from "zod";
import { ROLES } from "~/domain/permissions";
import { FormErrors, SelectField, TextField } from "~/components/ui/forms";
import { useErrorText, useT } from "~/utils/i18n";
import { UserCreateSchema, UserUpdateSchema } from "./schemas";

export type UserDefaults = {
  email: string;
  name: string;
  unitId: string;
  roles: string[];
  leadAreaId: string;
  applicantUnitId: string;
};

type UserFormShape = UserDefaults & { password?: string; intent?: string };

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
  const errorText = useErrorText();
  const schema = mode === "create" ? UserCreateSchema : UserUpdateSchema;
  const [form, fields] = useForm<UserFormShape, z.output<typeof UserCreateSchema> | z.output<typeof UserUpdateSchema>>({
    id: mode === "create" ? "user-new" : "user-edit",
    lastResult,
    defaultValue: mode === "create" ? { ...defaultValue, password: "" } : { ...defaultValue, intent: "update" },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const inactive = ` (${t("common.inactive").toLowerCase()})`;
  const unitChoices = units.map((u) => ({
    value: u.id,
    label: `${u.areaCode} · ${"– ".repeat(u.depth)}${u.name}${u.active ? "" : inactive}`,
  }));
  const roleErrors = fields.roles.errors ?? [];
  // The area field is required as soon as the area-lead role is ticked (the value
  // follows the checkboxes with JavaScript, and the submitted roles without it).
  const tickedRoles = ([] as unknown[]).concat(fields.roles.value ?? []);
  const leadsArea = tickedRoles.includes("AREA_LEAD");
  const rolesHintId = `${fields.roles.id}-hint`;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {mode === "edit" ? <input type="hidden" name="intent" value="update" /> : null}
      <TextField field={fields.email} label={t("users.email")} type="email" autoComplete="off" />
      <TextField field={fields.name} label={t("users.name")} autoComplete="off" />
      <SelectField field={fields.unitId} label={t("users.unit")} placeholder={t("users.noUnit")} optional options={unitChoices} />

      <div className={roleErrors.length ? "form-group form-error" : "form-group"}>
        <fieldset
          aria-describedby={[rolesHintId, roleErrors.length ? fields.roles.errorId : null].filter(Boolean).join(" ")}
          aria-invalid={roleErrors.length ? true : undefined}
        >
          <legend className="form-label">{t("users.roles")}</legend>
          <span className="form-hint" id={rolesHintId}>
            {t("users.rolesHint")}
          </span>
          {roleErrors.length ? (
            <span className="form-error-message" id={fields.roles.errorId}>
              <span className="sr-only">{t("error.title")}: </span>
              {roleErrors.map((e) => errorText(e)).join(" ")}
            </span>
          ) : null}
          <ul className="nobullet-list">
            {getCollectionProps(fields.roles, { type: "checkbox", options: [...ROLES], ariaAttributes: false }).map(({ key, ...props }) => (
              <li key={key}>
                <div className="form-group-checkbox">
                  <input {...props} className="form-checkbox" />
                  <label className="form-label" htmlFor={props.id}>
                    {t(`role.${props.value as (typeof ROLES)[number]}`)}
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>

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
        <button type="submit" className="button button-primary">
          {mode === "create" ? t("users.createSubmit") : t("common.save")}
        </button>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}
