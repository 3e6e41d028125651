// Zod building blocks for forms. Messages are i18n keys; the field components
// translate them. Used on the server (authoritative) and in the browser.
import { z } from "zod";
import { isInputYear } from "~/domain/dates";
import { parseKroner } from "~/domain/money";

/**
 * Control characters no text field accepts: NUL (PostgreSQL cannot store it in
 * text) and the other C0 characters except tab, line feed and carriage return.
 * Nobody types them; they come from pasted binary or from an attacker.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
export const CONTROL_CHARACTERS_MESSAGE = "validation.controlCharacters";

/** A string without CONTROL_CHARACTERS (before trimming: a trailing NUL is refused, not trimmed away). */
export function plainString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((text) => !CONTROL_CHARACTERS.test(text), { error: CONTROL_CHARACTERS_MESSAGE, abort: true });
}

export function requiredText(max = 200) {
  return plainString({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });
}

export function optionalText(max = 2000) {
  return plainString()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => v ?? "");
}

export const email = plainString({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

/** An amount typed in kroner ("25.000", "1.234,50"), parsed exactly into øre (bigint). */
export const kronerAmount = plainString({ error: "validation.required" })
  .transform((text, ctx) => {
    const ore = parseKroner(text);
    if (ore === null) {
      ctx.addIssue({ code: "custom", message: "validation.amount" });
      return z.NEVER;
    }
    return ore;
  });

/** A date from <input type="date"> (yyyy-mm-dd), as UTC midnight. */
export const dateOnly = plainString({ error: "validation.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date" })
  .transform((text, ctx) => {
    const date = new Date(`${text}T00:00:00.000Z`);
    const year = Number(text.slice(0, 4));
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text || !isInputYear(year)) {
      ctx.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return date;
  });

export const integer = z.coerce.number({ error: "validation.integer" }).int({ error: "validation.integer" });

/** Optional id from a <select> ("" = none). */
export const optionalId = plainString()
  .optional()
  .transform((v) => (v ? v : null));

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
