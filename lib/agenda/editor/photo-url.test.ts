import { describe, expect, it } from "vitest";
import { isAllowedPhotoUrl } from "./photo-url";

describe("a speaker photo's address", () => {
  it("is one of our uploaded photos or an https address", () => {
    expect(isAllowedPhotoUrl("")).toBe(true);
    expect(isAllowedPhotoUrl("/api/speaker-photos/local/ckabc123/0b6f1a3e-2c4d-4e5f-8a9b-0c1d2e3f4a5b.png")).toBe(true);
    expect(isAllowedPhotoUrl("https://images.example.org/people/kim.jpg")).toBe(true);
  });

  it("refuses what a browser would load from another site, or that is not a photo of ours", () => {
    for (const bad of [
      "/\\evil.example/x.png",
      "//evil.example/x.png",
      "/%5Cevil.example/x.png",
      "http://images.example.org/kim.jpg",
      "javascript:alert(1)",
      "https://user:pw@images.example.org/kim.jpg",
      "https:///kim.jpg",
      "/api/speaker-photos/local/ckabc123/../../materials/x.pdf",
      "/api/speaker-photos/ftp/ckabc123/0b6f1a3e-2c4d-4e5f-8a9b-0c1d2e3f4a5b.png",
      "/somewhere/else.png",
      "https://images.example.org/a b.jpg",
    ]) {
      expect(isAllowedPhotoUrl(bad), bad).toBe(false);
    }
  });
});
