// The catalogue's language names are each locale's own words, as CLDR has them: the transposed map
// that once labelled the Korean field "English" in the English editor cannot come back.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageFeatures } from "./catalogue";
import { endonym, languageName } from "./language-names";
import { locales, type Locale } from "./routing";

type Tree = { [key: string]: string | Tree };
const dir = path.join(import.meta.dirname, "../../messages");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
const catalogue = (l: Locale) => Object.assign({}, read(`${l}.json`), ...messageFeatures.map((f) => read(`${f}/${l}.json`))) as Tree;
const at = (tree: Tree, key: string) => key.split(".").reduce<Tree | string>((t, k) => (t as Tree)[k], tree) as Tree;
function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`)));
}

// Where a reader looks for their own language, each language is named in itself, in every UI.
const ENDONYM_KEYS = ["interpretation.channels", "recordings.channels"];

describe("language names", () => {
  it("come from CLDR: Korean, Chinese and English in each interface language", () => {
    expect(locales.map((l) => languageName("zh", l))).toEqual(["중국어", "中文", "Chinese"]);
    expect(locales.map((l) => languageName("en", l))).toEqual(["영어", "英语", "English"]);
    expect(locales.map(endonym)).toEqual(["한국어", "中文", "English"]);
  });

  it.each(locales)("of the %s catalogue are that locale's words for each language", (l) => {
    const names = at(catalogue(l), "languages");
    for (const lang of locales) expect(names[lang], `${l}: languages.${lang}`).toBe(languageName(lang, l));
  });

  it.each(locales)("of interpretation channels and subtitles in the %s catalogue are each language's own name", (l) => {
    for (const key of ENDONYM_KEYS) for (const lang of locales) expect(at(catalogue(l), key)[lang], `${l}: ${key}.${lang}`).toBe(endonym(lang));
  });

  it.each(locales)("appear nowhere else in the %s catalogue in another language's words", (l) => {
    const foreign = new Map<string, string>();
    for (const other of locales) if (other !== l) for (const lang of locales) foreign.set(languageName(lang, other), `${lang} in ${other}`);
    const misplaced = entries(catalogue(l)).filter(([key, value]) => foreign.has(value) && !ENDONYM_KEYS.some((k) => key.startsWith(`${k}.`)));
    expect(misplaced).toEqual([]);
  });
});
