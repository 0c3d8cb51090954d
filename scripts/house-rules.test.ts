// The house rules fail on their violations: ESLint's own rules (run on code as it would sit in the
// tree) and the import-cycle check (run on a scratch tree with a cycle).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("lint", () => {
  it("refuses the database in a page, a route or a component, and allows it in lib", async () => {
    const code = 'import { db } from "@/lib/db";\nexport const n = db;\n';
    expect(await messages("app/[locale]/x/page.tsx", code)).toContain("no-restricted-imports");
    expect(await messages("app/api/x/route.ts", code)).toContain("no-restricted-imports");
    expect(await messages("components/x/y.tsx", code)).toContain("no-restricted-imports");
    expect(await messages("lib/x/data.ts", code)).not.toContain("no-restricted-imports");
  }, 60_000);

  it("refuses raw configuration outside lib/env.ts, but not Next's own NODE_ENV", async () => {
    expect(await messages("lib/x/y.ts", "export const u = process.env.SMTP_URL;\n")).toContain("no-restricted-syntax");
    expect(await messages("components/x/y.tsx", "export const all = { ...process.env };\n")).toContain("no-restricted-syntax");
    expect(await messages("lib/x/y.ts", 'export const dev = process.env.NODE_ENV === "development";\n')).toEqual([]);
    expect(await messages("lib/env.ts", "export const u = process.env.SMTP_URL;\n")).not.toContain("no-restricted-syntax");
  }, 60_000);

  it("refuses Intl.DateTimeFormat outside lib/time", async () => {
    const code = 'export const f = new Intl.DateTimeFormat("en", { hour: "2-digit" });\n';
    expect(await messages("components/x/y.tsx", code)).toContain("no-restricted-syntax");
    expect(await messages("lib/time/x.ts", code)).toEqual([]);
  }, 60_000);

  it("refuses zod imported directly", async () => {
    expect(await messages("lib/x/y.ts", 'import { z } from "zod";\nexport const s = z.string();\n')).toContain("no-restricted-imports");
  }, 60_000);
});

describe("the import-cycle check", () => {
  it("fails on two lib folders importing each other, and passes without", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-cycles-"));
    try {
      fs.mkdirSync(path.join(dir, "scripts"));
      fs.copyFileSync(path.join(root, "scripts/check-cycles.mjs"), path.join(dir, "scripts/check-cycles.mjs"));
      fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
      for (const f of ["a", "b"]) fs.mkdirSync(path.join(dir, "lib", f), { recursive: true });
      fs.writeFileSync(path.join(dir, "lib/a/x.ts"), 'import { y } from "@/lib/b/y";\nexport const x = () => y;\n');
      fs.writeFileSync(path.join(dir, "lib/b/y.ts"), "export const y = 1;\n");
      const run = () => execFileSync(process.execPath, [path.join(dir, "scripts/check-cycles.mjs")], { cwd: dir, encoding: "utf8", stdio: "pipe" });
      expect(run()).toMatch(/No import cycles/);
      fs.writeFileSync(path.join(dir, "lib/b/z.ts"), 'import { x } from "@/lib/a/x";\nexport const z = x;\n');
      expect(run).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
