import { describe, expect, it } from "vitest";
import { filterAgenda } from "./agenda";
import { forumRow, RowOrgs, sessionRow, shownRows } from "./rows";
import { forum, session, speaker } from "./testing";

const nier = { key: "nier", name: { ko: "국립환경과학원", zh: "", en: "National Institute of Environmental Research" }, country: "KR" };
const mee = { key: "mee", name: { ko: "", zh: "生态环境部", en: "" }, country: "CN" };

describe("agenda rows for the client", () => {
  it("carry the title in the page's language, instants as ISO strings and the clock's marker", () => {
    const s = session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z", { title: { ko: "개회", zh: "开幕", en: "Opening" } });
    const row = sessionRow(s, "zh", new RowOrgs("zh"), { live: new Set(["a1"]), next: null });
    expect(row).toMatchObject({ id: "a1", title: "开幕", startsAt: "2021-11-22T00:30:00.000Z", endsAt: "2021-11-22T01:15:00.000Z", marker: "live", kind: "talk", language: "ko" });
    expect(sessionRow(s, "en", new RowOrgs("en"))).not.toHaveProperty("marker");
  });

  it("name each organisation once, in the page's language or marked with the one it fell back to", () => {
    const orgs = new RowOrgs("en");
    const s = session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z", {
      speakers: [speaker("서인영", { nameLatin: "Seo Inyeong", organization: nier }), speaker("谭志强", { organization: mee }), speaker("Kim", { nameLatin: "Kim", organization: nier })],
    });
    expect(sessionRow(s, "en", orgs).speakers).toEqual([
      { name: "서인영", latin: "Seo Inyeong", org: 0 },
      { name: "谭志强", org: 1 },
      { name: "Kim", org: 0 },
    ]);
    expect(orgs.list).toEqual([{ text: "National Institute of Environmental Research" }, { text: "生态环境部", lang: "zh-Hans" }]);
  });

  it("leave interpreters to the session page", () => {
    const s = session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z", { speakers: [speaker("A"), speaker("B", { role: "interpreter" })] });
    expect(sessionRow(s, "ko", new RowOrgs("ko")).speakers.map((sp) => sp.name)).toEqual(["A"]);
  });

  it("reuse the whole agenda's row objects for what a filter shows, and only narrow what it cut", () => {
    const forums = [
      forum("f1", 1, [session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:00:00Z"), session("a2", "2021-11-22T01:00:00Z", "2021-11-22T02:00:00Z", { language: "zh" })]),
      forum("f2", 2, [session("b1", "2021-11-23T00:30:00Z", "2021-11-23T01:00:00Z")]),
    ];
    const orgs = new RowOrgs("en");
    const all = forums.map((f) => forumRow(f, "en", orgs));
    expect(shownRows(all, forums)).toEqual(all);
    expect(shownRows(all, forums)[1]).toBe(all[1]);
    const zh = shownRows(all, filterAgenda(forums, { lang: "zh" }, "Asia/Seoul"));
    expect(zh.map((f) => [f.id, f.sessions.map((s) => s.id)])).toEqual([["f1", ["a2"]]]);
    expect(zh[0].sessions[0]).toBe(all[0].sessions[1]);
  });
});
