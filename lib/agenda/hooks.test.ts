import { afterEach, describe, expect, it, vi } from "vitest";
import { afterAgendaChange, onAgendaChange } from "./hooks";

describe("agenda hooks", () => {
  afterEach(() => vi.restoreAllMocks());

  it("run once per key however often a key is registered, with the change", () => {
    const first = vi.fn();
    const second = vi.fn();
    onAgendaChange("forumLiveChanged", "test.once", first);
    onAgendaChange("forumLiveChanged", "test.once", second);
    afterAgendaChange("forumLiveChanged", { forumId: "f1" });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith({ forumId: "f1" });
  });

  it("run synchronous hooks before the caller goes on, and only those of the change named", () => {
    const live = vi.fn();
    const unpublished = vi.fn();
    onAgendaChange("forumLiveChanged", "test.sync", live);
    onAgendaChange("eventUnpublished", "test.sync", unpublished);
    afterAgendaChange("eventUnpublished", { eventId: "e1" });
    expect(unpublished).toHaveBeenCalledExactlyOnceWith({ eventId: "e1" });
    expect(live).not.toHaveBeenCalled();
  });

  it("log a hook that throws or rejects and still run the others", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    onAgendaChange("eventUnpublished", "test.throws", () => {
      throw new Error("boom");
    });
    onAgendaChange("eventUnpublished", "test.rejects", () => Promise.reject(new Error("later")));
    onAgendaChange("eventUnpublished", "test.after", after);
    expect(() => afterAgendaChange("eventUnpublished", { eventId: "e2" })).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    await new Promise((r) => setTimeout(r, 0));
    expect(logged.mock.calls.map((c) => c[0])).toEqual(["[agenda] test.throws after eventUnpublished failed", "[agenda] test.rejects after eventUnpublished failed"]);
  });
});
