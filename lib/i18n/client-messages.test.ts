import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_NAMESPACES, PUBLIC_CLIENT_NAMESPACES, clientNamespaces, pickNamespaces, type PageNamespaces } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");
/** Where the whole catalogue is handed down (components/ui/all-messages.tsx): not followed. */
const WITH_ALL_MESSAGES = [
  "components/agenda/editor",
  "components/agenda/transfer",
  "components/agenda/live/run-sheet.tsx",
  "components/agenda/live/run-clocks.tsx",
  "components/agenda/live/run-sheet-links.tsx",
  "components/registration/desk-table.tsx",
  "components/registration/invitation-upload.tsx",
  "components/registration/settings-form.tsx",
  "components/materials/upload-form.tsx",
  "components/materials/material-edit-form.tsx",
  "components/materials/visibility-select.tsx",
  "components/materials/organizer-material-list.tsx",
  "components/recordings/console",
  "components/broadcast/console",
  "components/breakouts",
  "components/exports",
  "components/ui/console-tabs.tsx",
  "components/attendance",
  "components/room",
  "app/[locale]/organizer",
  "app/[locale]/egress",
  "app/[locale]/sessions/[id]/live",
  "components/meetings",
  "app/[locale]/meetings",
  "app/[locale]/events/[slug]/meetings",
];
const handsAll = (rel: string) => WITH_ALL_MESSAGES.some((p) => rel === p || rel.startsWith(`${p}/`));

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(path.join(root, from)), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(root, candidate);
  }
  return null;
}

/** The namespaces every file reachable from `entry` through its imports translates with on the client. */
function namespacesReached(entry: string): Map<string, string> {
  const used = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || (file !== entry && handsAll(file))) continue;
    seen.add(file);
    const text = fs.readFileSync(path.join(root, file), "utf8");
    expect(text, `${file} asks for the whole catalogue`).not.toMatch(/useTranslations\(\)/);
    for (const m of text.matchAll(/useTranslations\("([A-Za-z]+)/g)) if (!used.has(m[1])) used.set(m[1], file);
    for (const m of text.matchAll(/(?:from|import\()\s*"([^"]+)"/g)) {
      const next = resolveImport(file, m[1]);
      if (next && /\.tsx?$/.test(next)) queue.push(next);
    }
  }
  return used;
}

/** The sets a page adds with <PageMessages add={[...]}>. */
function added(file: string): PageNamespaces[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/<PageMessages add=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1].matchAll(/"(\w+)"/g)].map((n) => n[1] as PageNamespaces));
}

function entries(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (handsAll(rel)) return [];
    if (e.isDirectory()) return entries(rel);
    return /^(page|layout|error|not-found)\.tsx$/.test(e.name) ? [rel] : [];
  });
}

function missing(file: string, provided: readonly string[]): string[] {
  return [...namespacesReached(file)].filter(([ns]) => !provided.includes(ns)).map(([ns, where]) => `${ns} (${where})`);
}

describe("the messages pages hand to the browser", () => {
  const pages = entries("app/[locale]");

  it("are found on every public page", () => {
    expect(pages).toContain("app/[locale]/events/[slug]/agenda/page.tsx");
    expect(pages).toContain("app/[locale]/sessions/[id]/page.tsx");
    expect(pages.length).toBeGreaterThan(15);
  });

  it("hold in the locale layout's list every namespace the layout, the error page and the not-found page translate with", () => {
    for (const file of pages.filter((f) => !f.endsWith("page.tsx"))) expect(missing(file, PUBLIC_CLIENT_NAMESPACES), file).toEqual([]);
  });

  it("hold on each page every namespace its client components translate with: the public list and the sets the page adds", () => {
    const short = Object.fromEntries(
      pages
        .filter((f) => f.endsWith("page.tsx"))
        .map((f) => [f, missing(f, clientNamespaces(added(f)))])
        .filter(([, m]) => m.length),
    );
    expect(short).toEqual({});
  });

  it("keep the forms and the players off the agenda", () => {
    const agenda = "app/[locale]/events/[slug]/agenda/page.tsx";
    expect(added(agenda)).toEqual([]);
    for (const ns of ["qa", "polls", "player", "recordings", "register", "errors", "auth"]) expect(namespacesReached(agenda).has(ns), ns).toBe(false);
  });

  it("name only sets that exist", () => {
    for (const file of pages) for (const name of added(file)) expect(Object.keys(PAGE_NAMESPACES), file).toContain(name);
  });

  it("are picked by namespace, skipping those the catalogue lacks", () => {
    expect(pickNamespaces({ nav: { a: "A" }, desk: { b: "B" } }, ["nav", "time"])).toEqual({ nav: { a: "A" } });
  });
});
