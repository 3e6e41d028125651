// List screens keep their whole state (filter, sort, page) in the URL. The
// search params are validated with a Zod schema; bad values fall back to defaults.
import { z } from "zod";

export const PAGE_SIZE = 50;

export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** Parses URLSearchParams with a schema whose fields all have defaults or .catch(). */
export function parseSearchParams<S extends z.ZodType>(url: string | URL, schema: S): z.infer<S> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  return schema.parse(raw);
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
