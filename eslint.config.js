import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const dockerOnlyInAdapter = {
  selector: "ImportDeclaration[source.value='dockerode']",
  message: "Only the agent's Docker adapter talks to Docker.",
};
const noWholeBus = {
  selector: "TSTypeReference[typeName.name='Bus']",
  message: "Take the handles you use (BusHandles<...>, a KvCache, a channel): only a service's app.ts or server.ts holds the whole Bus.",
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "packages/proto/gen/**", "test-results/**", ".berth/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@berth/*/src/*", "@berth/*/dist/*", "@berth/*/gen/*"],
              message: "Import a package by its name: its mod.ts is its public surface.",
            },
            {
              group: ["**/services/*/src/*", "../../services/*"],
              message: "Services meet only on NATS: never import another service's code.",
            },
          ],
        },
      ],
    },
  },
  {
    // A promise nobody awaits loses its error: await it, or say so with `void`.
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { project: ["./tsconfig.lint.json"], tsconfigRootDir: import.meta.dirname } },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  {
    files: ["packages/ui/src/**/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "node:*",
                "fs",
                "net",
                "http",
                "child_process",
                "@nats-io/*",
                "dockerode",
                "fastify",
                "pino",
                "prom-client",
                "@berth/*",
              ],
              message: "core decides; it does no I/O and depends on nothing of ours.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.ts"],
    ignores: ["services/slave-agent/src/runtime/docker-runtime.ts"],
    rules: { "no-restricted-syntax": ["error", dockerOnlyInAdapter] },
  },
  {
    files: ["services/*/src/**/*.ts"],
    ignores: ["services/*/src/app.ts", "services/api/src/server.ts", "services/slave-agent/src/runtime/docker-runtime.ts"],
    rules: { "no-restricted-syntax": ["error", dockerOnlyInAdapter, noWholeBus] },
  },
  {
    // A stranger's CommonJS client, run as its users run it.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "deploy/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
