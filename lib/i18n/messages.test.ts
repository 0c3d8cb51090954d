import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageFeatures } from "./catalogue";
import { locales } from "./routing";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

const dir = path.join(import.meta.dirname, "../../messages");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
const parts = (l: string) => [read(`${l}.json`), ...messageFeatures.map((f) => read(`${f}/${l}.json`))];
// Read once per locale: the checks below look every key up in it.
const catalogues = new Map<string, Tree>();
const catalogue = (l: string) => catalogues.get(l) ?? catalogues.set(l, Object.assign({}, ...parts(l)) as Tree).get(l)!;

describe("message catalogues", () => {
  it("hold exactly the same keys in ko, zh and en", () => {
    const [first, ...rest] = locales.map((l) => keys(catalogue(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it("give every top-level namespace to exactly one file", () => {
    for (const l of locales) {
      const names = parts(l).flatMap((p) => Object.keys(p));
      expect(names.length, l).toBe(new Set(names).size);
    }
  });

  it("have no empty message", () => {
    for (const l of locales) {
      const empty = keys(catalogue(l)).filter((k) => !k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p], catalogue(l)));
      expect(empty, l).toEqual([]);
    }
  });

  it("use the same placeholders in every language", () => {
    const placeholders = (l: string) =>
      Object.fromEntries(
        keys(catalogue(l)).map((k) => {
          const text = k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p], catalogue(l)) as string;
          return [k, [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort()];
        }),
      );
    expect(placeholders("ko")).toEqual(placeholders("en"));
    expect(placeholders("zh")).toEqual(placeholders("en"));
  });
});
