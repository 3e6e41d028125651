// Form schemas for the organisation and user administration. Shared by the
// browser (Conform constraints and early feedback) and the server (authoritative).
// Rules that need the database (unique names, cycles, existing ids) live in the
// services and come back as field errors.
import { z } from "zod";
import { AREA_CODE_PATTERN } from "~/domain/areas";
import { ROLES, type Role } from "~/domain/permissions";
import { checkbox, email, optionalId, optionalText, requiredText } from "~/utils/validation";

export const AreaSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .min(1, { error: "validation.required", abort: true })
    .regex(AREA_CODE_PATTERN, { error: "org.area.error.codeFormat" }),
  name: requiredText(200),
  headName: optionalText(200),
  sortOrder: z.coerce
    .number({ error: "validation.integer" })
    .int({ error: "validation.integer" })
    .min(0, { error: "org.area.error.sortOrder" })
    .max(9999, { error: "org.area.error.sortOrder" })
    .default(0),
  active: checkbox,
});
export type AreaValues = z.infer<typeof AreaSchema>;

export const UnitSchema = z.object({
  areaId: z.string({ error: "validation.choose" }).min(1, { error: "validation.choose" }),
  parentId: optionalId,
  name: requiredText(200),
  costCentre: optionalText(50),
  active: checkbox,
});
export type UnitValues = z.infer<typeof UnitSchema>;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const userFields = {
  email,
  name: requiredText(200),
  unitId: optionalId,
  roles: z
    .array(z.string(), { error: "users.error.roleRequired" })
    .min(1, { error: "users.error.roleRequired" })
    // One message next to the group, not one per checkbox.
    .refine((roles) => roles.every(isRole), { error: "validation.invalid" })
    .transform((roles) => roles.filter(isRole)),
  leadAreaId: optionalId,
  applicantUnitId: optionalId,
};

/** An area lead must lead an area; checked here for early feedback and again in the service. */
function requireLeadArea(value: { roles: readonly string[]; leadAreaId: string | null }, ctx: z.RefinementCtx) {
  if (value.roles.includes("AREA_LEAD") && !value.leadAreaId) {
    ctx.addIssue({ code: "custom", path: ["leadAreaId"], message: "users.error.areaRequired" });
  }
}

const passwordText = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .max(200, { error: "validation.tooLong" });

export const UserCreateSchema = z.object({ ...userFields, password: passwordText }).superRefine(requireLeadArea);

export const UserUpdateSchema = z.object({ intent: z.literal("update"), ...userFields }).superRefine(requireLeadArea);

export const PasswordSchema = z.object({ intent: z.literal("setPassword"), password: passwordText });

export const SetActiveSchema = z.object({
  intent: z.literal("setActive"),
  active: z.enum(["true", "false"], { error: "validation.invalid" }).transform((v) => v === "true"),
  /** The confirmation step's button sends confirmed=yes; without it nothing happens. */
  confirmed: z.literal("yes", { error: "users.error.confirmRequired" }),
});
