// Lint: TypeScript-aware rules, React hooks rules and accessibility (jsx-a11y).
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "data/", "node_modules/", "app/generated/", ".react-router/", "bench/out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
    },
  },
  ...layerRules(),
);

/**
 * The layer rules (docs/decisions/020-layers.md), as lint errors. One config block per layer, since
 * a later block's `no-restricted-imports` replaces an earlier one's for the same file. Tests and
 * fixtures are exempt: they may reach into any layer to set up a case.
 */
function layerRules() {
  const tests = ["**/*.test.ts", "**/*.test.tsx", "**/*.fixtures.ts"];
  const noServices = {
    group: ["~/services/*", "~/services/**"],
    message: "Components do not import from services, not even types: put the view type in app/domain/ or a *.types.ts next to the component.",
  };
  const noPrismaClient = {
    group: ["~/utils/db.server"],
    message: "Routes never reach the Prisma client: call a service (app/services/*.server.ts).",
  };
  const features = readdirSync(new URL("./app/components", import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "ui" && entry.name !== "layout")
    .map((entry) => entry.name);
  return [
    {
      // Pure domain rules never import the framework, the database or the UI.
      files: ["app/domain/**/*.ts"],
      ignores: tests,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            // Message keys are the domain's problem codes: their type may be imported, never the texts.
            paths: [{ name: "~/i18n", allowTypeImports: true, message: "app/domain/ returns problem codes (the MessageKey type), never texts." }],
            patterns: [
              {
                group: ["react", "react-*", "react-router", "@react-router/*", "@prisma/*", "~/generated/*", "~/utils/*", "~/services/*", "~/components/*", "~/i18n/*", "node:*"],
                message: "app/domain/ is plain TypeScript: no framework, database, UI, text or server helpers.",
              },
            ],
          },
        ],
      },
    },
    {
      // Services are use cases: plain input in, typed values out. Reading the request and
      // formatting text belong to the route and the component.
      files: ["app/services/**/*.ts"],
      ignores: tests,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            paths: [
              ...["~/utils/session.server", "~/utils/form-data.server", "~/utils/action.server", "~/utils/lang.server", "~/utils/permissions.server", "~/utils/submission.server"].map((name) => ({
                name,
                message: "Services take plain input, not a Request: read the request in the route and pass the values (types such as SessionUser live in app/domain/).",
              })),
              ...["~/i18n", "~/i18n/format", "~/i18n/screening"].map((name) => ({
                name,
                allowTypeImports: true,
                message: "Services return typed values (Ore, Date, problem codes); format and translate them in the route or component.",
              })),
            ],
            patterns: [
              { group: ["react-router", "@react-router/*", "react", "react-dom", "react-*", "@conform-to/*"], message: "Services do not import the web framework or the form library: return values, let the route respond." },
              { group: ["~/components/*", "~/components/**"], message: "Services do not import from app/components: shared rules and types belong in app/domain/." },
            ],
          },
        ],
        "no-restricted-syntax": [
          "error",
          {
            selector: "TSTypeReference[typeName.name='Request']",
            message: "Services take plain input, not a Request: read the request in the route.",
          },
        ],
      },
    },
    {
      // Known exceptions, to be removed: the notification renderer writes the outbox e-mail's text in the
      // transaction of the change (the text is the outbox's contract), and the screening view still words
      // the verdicts for the live screening. Everything else in app/services/ returns typed values.
      files: ["app/services/notifications.server.ts", "app/services/applications/recipients.server.ts", "app/services/screening.server.ts"],
      rules: { "no-restricted-imports": "off" },
    },
    {
      files: ["app/routes/**/*.{ts,tsx}"],
      ignores: tests,
      rules: {
        "no-restricted-imports": ["error", { patterns: [noPrismaClient] }],
      },
    },
    {
      // Components outside a feature folder (ui/, layout/, error pages).
      files: ["app/components/**/*.{ts,tsx}"],
      ignores: [...tests, ...features.map((feature) => `app/components/${feature}/**`)],
      rules: {
        "no-restricted-imports": ["error", { patterns: [noServices, { group: ["~/components/*/schema", "~/components/*/schemas"], message: "Shared components do not import a feature's form schema." }] }],
      },
    },
    // One feature's components use their own schema only; what two features share belongs in app/domain/.
    ...features.map((feature) => ({
      files: [`app/components/${feature}/**/*.{ts,tsx}`],
      ignores: tests,
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              noServices,
              {
                group: ["~/components/*/schema", "~/components/*/schemas", `!~/components/${feature}/schema`, `!~/components/${feature}/schemas`, "../*/schema", "../*/schemas"],
                message: "One feature's components do not import another feature's schema: move what they share to app/domain/.",
              },
            ],
          },
        ],
      },
    })),
  ];
}
