import { describe, expect, it } from "vitest";
import { contentMatches, typeForFileName } from "./file-types";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

/** A zip whose first entry is an uncompressed file `name` holding `content`, as ODF requires. */
function zipWithFirstEntry(name: string, content: string) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return new Uint8Array(Buffer.concat([header, Buffer.from(name), Buffer.from(content)]));
}

const check = (fileName: string, head: Uint8Array, complete = false) => {
  const type = typeForFileName(fileName);
  return !!type && contentMatches(type, head, complete);
};

describe("material file types", () => {
  it("accepts only the listed extensions, in any letter case", () => {
    expect(typeForFileName("Slides.PDF")?.mimeType).toBe("application/pdf");
    expect(typeForFileName("photo.jpeg")?.mimeType).toBe("image/jpeg");
    expect(typeForFileName("run.exe")).toBeNull();
    expect(typeForFileName("page.html")).toBeNull();
    expect(typeForFileName("image.svg")).toBeNull();
    expect(typeForFileName("pdf")).toBeNull();
    expect(typeForFileName(".pdf")).toBeNull();
  });

  it("accepts files whose first bytes match their extension", () => {
    expect(check("a.pdf", bytes("%PDF-1.7\n"))).toBe(true);
    expect(check("a.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(check("a.jpg", bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(check("a.ppt", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(check("a.pptx", zipWithFirstEntry("[Content_Types].xml", "<Types/>"))).toBe(true);
    expect(check("a.zip", bytes([0x50, 0x4b, 0x05, 0x06]))).toBe(true);
    expect(check("a.odp", zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.presentation"))).toBe(true);
    expect(check("notes.md", bytes("# 맑은 하늘\n- 大气质量\n"), true)).toBe(true);
  });

  it("refuses content that does not match the extension", () => {
    expect(check("a.pdf", bytes([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(check("a.png", bytes("%PDF-1.7"))).toBe(false);
    expect(check("a.docx", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(false);
    expect(check("a.doc", zipWithFirstEntry("word/document.xml", "x"))).toBe(false);
    expect(check("a.odt", zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.presentation"))).toBe(false);
    expect(check("a.pptx", zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.presentation"))).toBe(false);
    expect(check("a.pdf", bytes(""))).toBe(false);
  });

  it("accepts text only when it is UTF-8 without binary control characters", () => {
    expect(check("a.txt", bytes("plain\r\n\ttext\f"), true)).toBe(true);
    expect(check("a.txt", bytes([0x4d, 0x5a, 0x90, 0x00]), true)).toBe(false);
    expect(check("a.txt", bytes([0xff, 0xfe, 0x41]), true)).toBe(false);
    expect(check("a.txt", bytes("\u001b[31m"), true)).toBe(false);
  });

  it("accepts a multi-byte character cut at the end of the sniffed window, but not in a whole file", () => {
    const cut = new Uint8Array([...Buffer.from("대기 "), ...Buffer.from("질").subarray(0, 2)]);
    expect(check("a.txt", cut, false)).toBe(true);
    expect(check("a.txt", cut, true)).toBe(false);
  });
});
