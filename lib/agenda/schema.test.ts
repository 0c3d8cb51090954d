import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config.js";
import { AGENDA_FILTER_KEYS, agendaFiltersSchema } from "./schema";

describe("agenda filter keys", () => {
  it("are exactly the filters the schema reads", () => {
    expect([...AGENDA_FILTER_KEYS].sort()).toEqual(Object.keys(agendaFiltersSchema.shape).sort());
  });

  it("each send the agenda URL to the filtered page in next.config.js, and nothing else is rewritten", async () => {
    const rewrites = (await nextConfig.rewrites!()) as { beforeFiles: { source: string; has: { key: string }[]; destination: string }[] };
    expect(rewrites.beforeFiles.map((r) => r.has[0].key).sort()).toEqual([...AGENDA_FILTER_KEYS].sort());
    for (const r of rewrites.beforeFiles) {
      expect(r.source).toBe("/:locale(ko|zh|en)/events/:slug/agenda");
      expect(r.destination).toBe("/:locale/events/:slug/agenda/filtered");
    }
  });
});
