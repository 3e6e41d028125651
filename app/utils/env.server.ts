// Environment, validated once. No .env file is needed: every value has a safe default.
import { z } from "zod";
import { DEFAULT_ALLOWED_EMAIL_DOMAINS, parseDomainList } from "~/domain/email-domains";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("data"),
  DEMO: z.enum(["0", "1"]).optional(),
  SESSION_HOURS: z.coerce.number().positive().default(10),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  SECURE_COOKIES: z.enum(["0", "1"]).optional(),
  LOG_REQUESTS: z.enum(["0", "1"]).optional(),
  /** Domains a typed e-mail address (an application's contact) may be in, comma-separated: "aarhus.dk,kk.dk". */
  ALLOWED_EMAIL_DOMAINS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === "") return [...DEFAULT_ALLOWED_EMAIL_DOMAINS];
      const domains = parseDomainList(text);
      if (!domains) {
        ctx.addIssue({ code: "custom", message: `ALLOWED_EMAIL_DOMAINS must be domain names separated by commas, got "${text}"` });
        return z.NEVER;
      }
      return domains;
    }),
});

export type Env = z.infer<typeof schema> & { demo: boolean; secureCookies: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.parse(source);
  // Demo mode (demo users listed on the login page, demo data seeded) is the
  // default on the embedded database and off on a real server unless DEMO=1.
  const demo = parsed.DEMO ? parsed.DEMO === "1" : !parsed.DATABASE_URL;
  const secureCookies = parsed.SECURE_COOKIES ? parsed.SECURE_COOKIES === "1" : parsed.NODE_ENV === "production";
  return { ...parsed, demo, secureCookies };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
