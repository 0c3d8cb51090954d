import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// zod only through lib/zod.ts, which keeps it from probing eval in the browser (our CSP forbids it).
const zod = { name: "zod", message: 'Import { z } from "@/lib/zod".' };
// Pages, routes and components read and write through lib/<feature>, where authorization lives.
const db = { name: "@/lib/db", message: "Read and write through lib/<feature>, which checks access first." };
// NODE_ENV and NEXT_RUNTIME are Next's own, replaced at build time; configuration is not.
const processEnvMessage = "Read configuration through lib/env.ts (getEnv), where it is validated once.";
const processEnv = [
  { selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name!=/^(NODE_ENV|NEXT_RUNTIME)$/]", message: processEnvMessage },
  {
    selector: ":not(MemberExpression) > MemberExpression.expression[object.name='process'][property.name='env'], :not(MemberExpression) > MemberExpression[object.name='process'][property.name='env']",
    message: processEnvMessage,
  },
];
const dateFormat = {
  selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']",
  message: "Format dates and times with lib/time, which names the zone and the date beside every time.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  // `{ field: _unused, ...rest }` is how a field is dropped from a copy.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  { files: ["**/*.ts", "**/*.tsx"], ignores: ["lib/zod.ts"], rules: { "no-restricted-imports": ["error", { paths: [zod] }] } },
  { files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"], rules: { "no-restricted-imports": ["error", { paths: [zod, db] }] } },
  // The product's code; scripts, tests, benchmarks and configuration set up their own environment.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", "lib/time/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-syntax": ["error", ...processEnv, dateFormat] },
  },
  { files: ["lib/time/**/*.ts"], ignores: ["**/*.test.ts"], rules: { "no-restricted-syntax": ["error", ...processEnv] } },
  { ignores: [".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
