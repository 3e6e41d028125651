// Prisma CLI configuration. The CLI is used only for `prisma generate` and for
// `prisma migrate diff` (see scripts/new-migration.ts); migrations are applied by
// our own runner (app/utils/migrate.server.ts), so the CLI never opens the app's
// embedded database folder.
import { defineConfig } from "prisma/config";

for (const timer of ["setTimeout", "setInterval"] as const) {
  // Long timers left armed by the CLI must not keep the process alive.
  const original = globalThis[timer] as (...args: unknown[]) => { unref?: () => void };
  (globalThis as Record<string, unknown>)[timer] = (fn: unknown, ms?: number, ...rest: unknown[]) => {
    const handle = original(fn, ms, ...rest);
    if (typeof ms === "number" && ms >= 10_000) handle?.unref?.();
    return handle;
  };
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
