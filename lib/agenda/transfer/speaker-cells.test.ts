import { describe, expect, it } from "vitest";
import { decodeSpeakers, encodeSpeakers } from "./speaker-cells";

describe("speaker cells", () => {
  it("write registered people by e-mail, guests by name, Latin name and organisation key, separated by ';'", () => {
    const cell = encodeSpeakers([
      { email: "kim@example.test", name: "", nameLatin: "", organizationKey: "" },
      { email: "lee@example.test", name: "", nameLatin: "", organizationKey: "moe-kr" },
      { email: null, name: "王芳", nameLatin: "Wang Fang", organizationKey: "craes" },
      { email: null, name: "Guest", nameLatin: "", organizationKey: "" },
      { email: null, name: "박민", nameLatin: "", organizationKey: "nier" },
    ]);
    expect(cell).toBe("kim@example.test; lee@example.test | | moe-kr; 王芳 | Wang Fang | craes; Guest; 박민 | | nier");
  });

  it("read back exactly what it writes", () => {
    const entries = [
      { email: "kim@example.test", name: "", nameLatin: "", organizationKey: "nier" },
      { email: null, name: "王芳", nameLatin: "Wang Fang", organizationKey: "" },
    ];
    expect(decodeSpeakers(encodeSpeakers(entries))).toEqual({ entries, problems: [] });
  });

  it("accept full-width separators, line breaks, spare spaces and upper-case e-mails", () => {
    const { entries, problems } = decodeSpeakers(" KIM@Example.test ；王芳｜Wang Fang\n李明 ;; ");
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.email ?? e.name)).toEqual(["kim@example.test", "王芳", "李明"]);
    expect(entries[1].nameLatin).toBe("Wang Fang");
  });

  it("reject malformed entries, naming each", () => {
    const { entries, problems } = decodeSpeakers("kim@ | ; a | b | c | d; kim@example.test | Kim; | x");
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      { message: "speakerFormat", value: "kim@ |" },
      { message: "speakerFormat", value: "a | b | c | d" },
      { message: "latinForRegistered", value: "kim@example.test | Kim" },
      { message: "speakerFormat", value: "| x" },
    ]);
  });

  it("read an empty cell as nobody", () => {
    expect(decodeSpeakers("")).toEqual({ entries: [], problems: [] });
  });
});
