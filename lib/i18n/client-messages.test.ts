import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_CLIENT_NAMESPACES, WATCH_CLIENT_NAMESPACES, pickNamespaces } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");
/** Where the whole catalogue is handed down (components/ui/all-messages.tsx). */
const WITH_ALL_MESSAGES = [
  // The console's own folders and files (its pages hand down the whole catalogue).
  "components/agenda/editor",
  "components/agenda/transfer",
  "components/agenda/live/run-sheet.tsx",
  "components/agenda/live/run-clocks.tsx",
  "components/agenda/live/run-sheet-links.tsx",
  "components/registration/desk-table.tsx",
  "components/registration/invitation-upload.tsx",
  "components/registration/settings-form.tsx",
  // The materials forms: the organizer's materials page only (the session page's list is a server component).
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
  "components/recordings/egress",
  "app/[locale]/organizer",
  "app/[locale]/egress",
  "app/[locale]/sessions/[id]/live",
  // One-to-one meetings: a personal page and a room (and the organizers' setting).
  "components/meetings",
  "app/[locale]/meetings",
  "app/[locale]/events/[slug]/meetings",
];
/** The watch page hands down its own list (WATCH_CLIENT_NAMESPACES). */
const WITH_WATCH_MESSAGES = ["components/broadcast/watch", "app/[locale]/events/[slug]/forums/[forumSlug]/watch"];

function namespacesUsed(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    expect(text, `${file} asks for the whole catalogue`).not.toMatch(/useTranslations\(\)/);
    for (const m of text.matchAll(/useTranslations\("([A-Za-z]+)/g)) used.add(m[1]);
  }
  return used;
}

function sources(dir: string, skip: readonly string[] = [...WITH_ALL_MESSAGES, ...WITH_WATCH_MESSAGES]): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (skip.includes(rel)) return [];
    if (e.isDirectory()) return sources(rel, skip);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("the messages public pages hand to the browser", () => {
  it("hold every namespace a component outside the console, the room and Egress translates with", () => {
    const used = namespacesUsed([...sources("components"), ...sources("app")]);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((ns) => !(PUBLIC_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("hold on the watch page every namespace its players and panels translate with", () => {
    const used = namespacesUsed([...sources("components/broadcast/watch", []), ...sources("components/recordings/egress", []), ...sources("app/[locale]/events/[slug]/forums/[forumSlug]/watch", [])]);
    expect(used.has("watch")).toBe(true);
    expect([...used].filter((ns) => !(WATCH_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });

  it("are picked by namespace, skipping those the catalogue lacks", () => {
    expect(pickNamespaces({ nav: { a: "A" }, desk: { b: "B" } }, ["nav", "time"])).toEqual({ nav: { a: "A" } });
  });
});
