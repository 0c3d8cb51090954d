import { describe, expect, it } from "vitest";
import { extensionMatches, RECORDING_EXTENSIONS, sniffRecording } from "./file-types";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

// As ffmpeg writes them: box size, "ftyp", major brand, minor version, compatible brands, then the next box.
const mp4 = bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0], "isomiso2avc1mp41", [0, 0, 0, 8], "free");
const m4a = bytes([0, 0, 0, 0x1c], "ftypM4A ", [0, 0, 0, 0], "M4A mp42isom", [0, 0, 0, 8], "free");
const heic = bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic");
// Chrome's MediaRecorder: the EBML header (31 bytes) with DocType "webm", then a Segment of unknown size.
const ebml = (docType: string) => {
  const body = bytes([0x42, 0x86, 0x81, 1, 0x42, 0xf7, 0x81, 1, 0x42, 0xf2, 0x81, 4, 0x42, 0xf3, 0x81, 8], [0x42, 0x82, 0x80 | docType.length], docType, [0x42, 0x87, 0x81, 4, 0x42, 0x85, 0x81, 2]);
  return bytes([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length], Array.from(body), [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
};

describe("sniffRecording", () => {
  it("recognises an MP4 by its ftyp box", () => {
    expect(sniffRecording(mp4)).toEqual({ mimeType: "video/mp4", extension: ".mp4" });
    expect(sniffRecording(bytes([0, 0, 0, 0x18], "ftypmp42", [0, 0, 0, 0], "mp42isom"))).toEqual({ mimeType: "video/mp4", extension: ".mp4" });
  });

  it("recognises M4A audio by its major brand", () => {
    expect(sniffRecording(m4a)).toEqual({ mimeType: "audio/mp4", extension: ".m4a" });
  });

  it("reads a head that is a view into a larger buffer", () => {
    const buffer = new Uint8Array(100);
    buffer.set(mp4, 10);
    expect(sniffRecording(buffer.subarray(10, 10 + mp4.length))?.mimeType).toBe("video/mp4");
  });

  it("refuses HEIF and AVIF still images, and ftyp boxes too small to be real", () => {
    expect(sniffRecording(heic)).toBeNull();
    expect(sniffRecording(bytes([0, 0, 0, 0x18], "ftypavif", [0, 0, 0, 0], "avifmif1"))).toBeNull();
    expect(sniffRecording(bytes([0, 0, 0, 0x0c], "ftypisom", [0, 0, 0, 0]))).toBeNull();
  });

  it("recognises WebM by its EBML header's DocType", () => {
    expect(sniffRecording(ebml("webm"))).toEqual({ mimeType: "video/webm", extension: ".webm" });
  });

  it("refuses Matroska (MKV), which not every browser plays", () => {
    expect(sniffRecording(ebml("matroska"))).toBeNull();
  });

  it("refuses an EBML header cut off before its DocType is complete", () => {
    const full = ebml("webm");
    expect(sniffRecording(full.subarray(0, 24))).toBeNull();
    expect(sniffRecording(full.subarray(0, 4))).toBeNull();
  });

  it("refuses other files and too few bytes", () => {
    expect(sniffRecording(bytes([0x89], "PNG\r\n", [0x1a, 0x0a]))).toBeNull();
    expect(sniffRecording(bytes("ID3", [4, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffRecording(bytes("WEBVTT\n\n"))).toBeNull();
    expect(sniffRecording(mp4.subarray(0, 11))).toBeNull();
    expect(sniffRecording(new Uint8Array(0))).toBeNull();
    expect(sniffRecording(new Uint8Array(64))).toBeNull();
  });
});

describe("extensionMatches", () => {
  const video = sniffRecording(mp4)!;
  const audio = sniffRecording(m4a)!;
  const webm = sniffRecording(ebml("webm"))!;

  it("accepts every listed extension for its container, in any case", () => {
    expect(Object.keys(RECORDING_EXTENSIONS)).toEqual([".mp4", ".m4v", ".webm", ".m4a"]);
    expect(extensionMatches("forum-1.mp4", video)).toBe(true);
    expect(extensionMatches("FORUM-1.M4V", video)).toBe(true);
    expect(extensionMatches("녹화.webm", webm)).toBe(true);
    expect(extensionMatches("interpretation.zh.m4a", audio)).toBe(true);
  });

  it("compares containers, so MP4 video named .m4a and M4A audio named .mp4 still match", () => {
    expect(extensionMatches("audio.m4a", video)).toBe(true);
    expect(extensionMatches("audio.mp4", audio)).toBe(true);
  });

  it("refuses a name that claims another container, an unlisted extension or none", () => {
    expect(extensionMatches("talk.webm", video)).toBe(false);
    expect(extensionMatches("talk.mp4", webm)).toBe(false);
    expect(extensionMatches("talk.mkv", webm)).toBe(false);
    expect(extensionMatches("talk.mov", video)).toBe(false);
    expect(extensionMatches("mp4", video)).toBe(false);
    expect(extensionMatches("talk.mp4.exe", video)).toBe(false);
  });
});
