import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // `{ field: _unused, ...rest }` is how a field is dropped from a copy.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  // zod only through lib/zod.ts, which keeps it from probing eval in the browser (our CSP forbids it).
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "zod", message: "Import { z } from \"@/lib/zod\"." }] }] },
  },
  { ignores: [".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
