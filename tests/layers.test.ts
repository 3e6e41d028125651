// The layer rules of docs/decisions/020-layers.md are lint errors. These cases
// lint small pieces of code as if they stood in each layer, so a rule that is
// loosened or lost in eslint.config.js fails here, not only in review.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids that fire for `code` as the file `filePath` (layer rules only). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.ruleId!);
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe("layer rules", () => {
  it("keep services free of the request, the framework, the UI and text formatting", async () => {
    const file = "app/services/example.server.ts";
    expect(await layerErrors(file, `import { requireUser } from "~/utils/session.server";${use("requireUser")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import { readForm } from "~/utils/form-data.server";${use("readForm")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import { redirect } from "react-router";${use("redirect")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import { RoundSchema } from "~/components/rounds/schema";${use("RoundSchema")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import { formatDate } from "~/i18n";${use("formatDate")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import { explainVerdict } from "~/i18n/screening";${use("explainVerdict")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `import type { Submission } from "@conform-to/dom";\nexport type S = Submission<unknown>;\n`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors(file, `export async function load(request: Request) { return request.url; }\n`)).toEqual(["no-restricted-syntax"]);
  });

  it("let services use message keys as types, the database and the domain", async () => {
    const code = `import type { MessageKey } from "~/i18n";\nimport { prisma } from "~/utils/db.server";\nimport { danishToday } from "~/domain/dates";\nexport const k: MessageKey | null = null;${use("prisma, danishToday")}`;
    expect(await layerErrors("app/services/example.server.ts", code)).toEqual([]);
  });

  it("keep routes away from the Prisma client", async () => {
    expect(await layerErrors("app/routes/example.tsx", `import { prisma } from "~/utils/db.server";${use("prisma")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors("app/routes/example.tsx", `import { listFocusAreas } from "~/services/focus-areas.server";${use("listFocusAreas")}`)).toEqual([]);
  });

  it("keep components away from services and from other features' schemas", async () => {
    expect(await layerErrors("app/components/priorities/example.tsx", `import type { RoundView } from "~/services/rounds.server";\nexport type V = RoundView;\n`)).toEqual([
      "no-restricted-imports",
    ]);
    expect(await layerErrors("app/components/ui/example.tsx", `import type { RoundView } from "~/services/rounds.server";\nexport type V = RoundView;\n`)).toEqual([
      "no-restricted-imports",
    ]);
    expect(await layerErrors("app/components/priorities/example.tsx", `import { RoundSchema } from "~/components/rounds/schema";${use("RoundSchema")}`)).toEqual([
      "no-restricted-imports",
    ]);
    expect(await layerErrors("app/components/priorities/example.tsx", `import { RoundSchema } from "../rounds/schema";${use("RoundSchema")}`)).toEqual(["no-restricted-imports"]);
    expect(await layerErrors("app/components/rounds/example.tsx", `import { RoundSchema } from "~/components/rounds/schema";${use("RoundSchema")}`)).toEqual([]);
    expect(await layerErrors("app/components/rounds/example.tsx", `import { RoundSchema } from "./schema";${use("RoundSchema")}`)).toEqual([]);
  });

  it("keep the domain pure", async () => {
    for (const source of ["react", "react-router", "@prisma/client", "~/utils/db.server", "~/services/locks.server", "~/components/ui/forms", "~/i18n", "node:crypto"]) {
      expect(await layerErrors("app/domain/example.ts", `import * as m from "${source}";${use("m")}`), source).toEqual(["no-restricted-imports"]);
    }
    expect(await layerErrors("app/domain/example.ts", `import { sumOre } from "./money";${use("sumOre")}`)).toEqual([]);
  });

  it("do not apply to tests, which may reach into any layer", async () => {
    expect(await layerErrors("app/services/example.test.ts", `import { requireUser } from "~/utils/session.server";${use("requireUser")}`)).toEqual([]);
  });
});
