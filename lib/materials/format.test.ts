import { describe, expect, it } from "vitest";
import { formatBytes, formatUploadedAt, typeLabel } from "./format";

describe("material display", () => {
  it("formats sizes in decimal units in the viewer's language", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(9, "ko")).toBe("9 B");
    expect(formatBytes(3_400_000, "en")).toBe("3.4 MB");
    expect(formatBytes(50 * 1024 * 1024, "en")).toBe("52.4 MB");
    expect(formatBytes(1_500, "ko")).toMatch(/^1\.5\s?kB$/);
  });

  it("labels the type by the file's extension", () => {
    expect(typeLabel("slides.final.pptx")).toBe("PPTX");
    expect(typeLabel("README")).toBe("—");
  });

  it("shows the upload time in the given zone, whatever the server's zone", () => {
    expect(formatUploadedAt(new Date("2021-11-22T00:30:00Z"), "Asia/Seoul", "en")).toBe("22 Nov 2021, 09:30 (UTC+9)");
  });
});
