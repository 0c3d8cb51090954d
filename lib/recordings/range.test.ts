import { describe, expect, it } from "vitest";
import { contentRange, parseRange, unsatisfiedRange } from "./range";

const range = (start: number, end: number) => ({ kind: "range", start, end });
const none = { kind: "none" };
const unsatisfiable = { kind: "unsatisfiable" };

describe("parseRange", () => {
  it("serves the whole file when there is no header or an empty one", () => {
    expect(parseRange(null, 1000)).toEqual(none);
    expect(parseRange("", 1000)).toEqual(none);
    expect(parseRange("   ", 1000)).toEqual(none);
  });

  it("reads an open range, a closed range and a single byte", () => {
    expect(parseRange("bytes=0-", 1000)).toEqual(range(0, 999));
    expect(parseRange("bytes=100-199", 1000)).toEqual(range(100, 199));
    expect(parseRange("bytes=999-999", 1000)).toEqual(range(999, 999));
  });

  it("reads a suffix range as the last bytes, and a suffix longer than the file as all of it", () => {
    expect(parseRange("bytes=-500", 1000)).toEqual(range(500, 999));
    expect(parseRange("bytes=-5000", 1000)).toEqual(range(0, 999));
  });

  it("clamps an end past the file to its last byte", () => {
    expect(parseRange("bytes=900-5000", 1000)).toEqual(range(900, 999));
  });

  it("tolerates spaces and tabs, a differently cased unit and leading zeros", () => {
    expect(parseRange("  bytes = 100 - 199 ", 1000)).toEqual(range(100, 199));
    expect(parseRange("Bytes=\t0-9", 1000)).toEqual(range(0, 9));
    expect(parseRange("bytes=007-010", 1000)).toEqual(range(7, 10));
  });

  it("ignores other units and malformed headers, so the whole file is served", () => {
    for (const header of ["items=0-5", "bytes", "bytes=", "bytes=-", "bytes=a-5", "bytes=1-2-3", "bytes 0-5", "bytes=0x10-", "bytes=1.5-2", "bytes=٠-٥"])
      expect(parseRange(header, 1000), header).toEqual(none);
  });

  it("treats an end before the start as invalid, not unsatisfiable", () => {
    expect(parseRange("bytes=200-100", 1000)).toEqual(none);
    expect(parseRange("bytes=0-1,200-100", 1000)).toEqual(none);
  });

  it("answers 416 for a start at or past the end of the file", () => {
    expect(parseRange("bytes=1000-", 1000)).toEqual(unsatisfiable);
    expect(parseRange("bytes=1000-1001", 1000)).toEqual(unsatisfiable);
  });

  it("answers 416 for an empty suffix", () => {
    expect(parseRange("bytes=-0", 1000)).toEqual(unsatisfiable);
  });

  it("finds every range of an empty file unsatisfiable", () => {
    expect(parseRange("bytes=0-", 0)).toEqual(unsatisfiable);
    expect(parseRange("bytes=-10", 0)).toEqual(unsatisfiable);
    expect(parseRange(null, 0)).toEqual(none);
  });

  it("serves only the first satisfiable range of several, as one 206", () => {
    expect(parseRange("bytes=0-1,5-6", 1000)).toEqual(range(0, 1));
    expect(parseRange("bytes=2000-2100, -0, 5-6", 1000)).toEqual(range(5, 6));
    expect(parseRange("bytes=2000-, 3000-", 1000)).toEqual(unsatisfiable);
  });

  it("skips empty list elements", () => {
    expect(parseRange("bytes=, ,0-1", 1000)).toEqual(range(0, 1));
    expect(parseRange("bytes=,", 1000)).toEqual(none);
  });

  it("ignores more than 100 ranges and numbers beyond safe integers", () => {
    const many = Array.from({ length: 101 }, (_, i) => `${i}-${i}`).join(",");
    expect(parseRange(`bytes=${many}`, 1000)).toEqual(none);
    expect(parseRange(`bytes=${many.split(",").slice(0, 100).join(",")}`, 1000)).toEqual(range(0, 0));
    expect(parseRange("bytes=0-99999999999999999999", 1000)).toEqual(none);
    expect(parseRange("bytes=-99999999999999999999", 1000)).toEqual(none);
    expect(parseRange(`bytes=0-${Number.MAX_SAFE_INTEGER}`, 1000)).toEqual(range(0, 999));
  });
});

describe("Content-Range values", () => {
  it("describe a served range and the size of an unsatisfied one", () => {
    expect(contentRange(100, 199, 1000)).toBe("bytes 100-199/1000");
    expect(unsatisfiedRange(1000)).toBe("bytes */1000");
  });
});
