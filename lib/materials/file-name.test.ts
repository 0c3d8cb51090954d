import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./file-name";

describe("material file names", () => {
  it("keeps only the last path segment of a name", () => {
    expect(sanitizeFileName("C:\\Users\\kim\\slides.pdf")).toBe("slides.pdf");
    expect(sanitizeFileName("../../etc/passwd.txt")).toBe("passwd.txt");
  });

  it("removes control, reserved and direction-override characters and leading dots", () => {
    expect(sanitizeFileName("a\u0000b\r\nc.pdf")).toBe("abc.pdf");
    expect(sanitizeFileName('re<p>o"r:t|?*.pdf')).toBe("report.pdf");
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFileName("...hidden.txt")).toBe("hidden.txt");
    expect(sanitizeFileName("  two   spaces .md ")).toBe("two spaces .md");
  });

  it("keeps Korean and Chinese names and shortens long ones without losing the extension", () => {
    expect(sanitizeFileName("대기질 예보.pptx")).toBe("대기질 예보.pptx");
    const long = sanitizeFileName(`${"空".repeat(300)}.pdf`);
    expect([...long]).toHaveLength(180);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("builds an attachment disposition with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("대기질 예보.pdf")).toBe(`attachment; filename="___ __.pdf"; filename*=UTF-8''%EB%8C%80%EA%B8%B0%EC%A7%88%20%EC%98%88%EB%B3%B4.pdf`);
    expect(contentDisposition("Résumé (final).pdf")).toBe(`attachment; filename="Resume (final).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29.pdf`);
  });

  it("cannot be used to inject header parameters", () => {
    const header = contentDisposition('x.pdf"; filename="evil.exe\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header.split(";")).toHaveLength(3);
  });
});
