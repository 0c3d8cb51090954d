import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditKey, describeAudit } from "./actions";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.name === "generated") return [];
    if (e.isDirectory()) return sources(rel);
    return /\.ts$/.test(e.name) && !e.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("audit entries in words", () => {
  it("know every action the code writes to the audit log", () => {
    const written = new Set<string>();
    for (const file of sources("lib")) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/action: "([a-z]+\.[A-Za-z-]+)"/g)) written.add(m[1]);
      for (const m of text.matchAll(/(?:record|entry)\([^"]*"([a-z]+\.[A-Za-z-]+)"/g)) written.add(m[1]);
      for (const m of text.matchAll(/"(room\.[a-zA-Z]+)"/g)) written.add(m[1]);
    }
    // Written from a variable: `session.${to}`, `registration.${decision}` and `qa.${to}`.
    for (const to of ["live", "ended"]) written.add(`session.${to}`);
    for (const decision of ["approved", "declined", "waitlisted"]) written.add(`registration.${decision}`);
    for (const to of ["approved", "dismissed", "answered"]) written.add(`qa.${to}`);
    // Namespaces of the room's own messages share the "room." prefix; only what the server does in a room is audited.
    const audited = [...written].filter(
      (a) => !a.startsWith("room.") || /^room\.(muted|removed|speak|share|hands|ended|extended|banLifted|rehearsal|chatDeleted|trackRejected|refused|roleUpdated)/.test(a),
    );
    expect(audited.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it("have a sentence for every action in ko, zh and en", () => {
    for (const locale of ["ko", "zh", "en"]) {
      const audit = JSON.parse(fs.readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")).audit as Record<string, string>;
      const keys = [
        ...AUDIT_ACTIONS.filter((a) => a !== "forum.autoRecord" && a !== "forum.captions").map(auditKey),
        ...["forum_autoRecord_on", "forum_autoRecord_off", "forum_captions_on", "forum_captions_off", "other"],
      ];
      expect(
        keys.filter((k) => !audit[k]),
        locale,
      ).toEqual([]);
      expect(
        Object.values(audit).some((v) => /[a-z]+\.[a-z]/.test(v)),
        locale,
      ).toBe(false);
    }
  });

  it("give a publication its version and an unknown action a neutral word", () => {
    expect(describeAudit("agenda.published", { version: 3, changes: 2 })).toEqual({ key: "agenda_published", values: { version: 3, changes: 2 } });
    expect(describeAudit("event.registration-settings", {})).toEqual({ key: "event_registration_settings", values: {} });
    expect(describeAudit("something.new", {})).toEqual({ key: "other", values: {} });
  });
});
