// A small stored agenda and its directory, for the unit tests of import and export.
import { COLUMNS, type Cells } from "./columns";
import type { Directory, StoredAgenda, StoredSpeaker } from "./model";

const none = { ko: "", zh: "", en: "" };
const at = (iso: string) => new Date(iso);

export const kim: StoredSpeaker = {
  userId: "u-kim",
  email: "kim@example.test",
  name: "김서연",
  nameLatin: "Kim Seoyeon",
  organizationKey: "nier",
  homeOrganizationKey: "nier",
  role: "speaker",
  bio: { ko: "연구자", zh: "", en: "Researcher" },
  photoUrl: null,
};

export const wang: StoredSpeaker = {
  userId: null,
  email: null,
  name: "王芳",
  nameLatin: "Wang Fang",
  organizationKey: "craes",
  homeOrganizationKey: null,
  role: "interpreter",
  bio: null,
  photoUrl: null,
};

/** Seoul time: the forecast forum runs 09:30–12:00 on 22 November 2021, the other is empty. */
export function smallAgenda(): StoredAgenda {
  return {
    zone: "Asia/Seoul",
    event: { startsAt: at("2021-11-21T15:00:00Z"), endsAt: at("2021-11-23T15:00:00Z") },
    forums: [
      {
        id: "f1",
        slug: "forecast",
        title: { ko: "예보 연찬회", zh: "预报研讨会", en: "Forecast workshop" },
        startsAt: at("2021-11-22T00:30:00Z"),
        endsAt: at("2021-11-22T03:00:00Z"),
        sessions: [
          {
            id: "s1",
            key: "opening",
            title: { ko: "개회", zh: "开幕", en: "Opening, and welcome" },
            abstract: { ko: "첫 줄\n둘째 줄", zh: "", en: "=not a formula" },
            kind: "opening",
            language: "ko",
            startsAt: at("2021-11-22T00:30:00Z"),
            endsAt: at("2021-11-22T00:45:00Z"),
            speakers: [kim, wang],
          },
          {
            id: "s2",
            key: "ai",
            title: { ...none, en: "AI forecasting" },
            abstract: none,
            kind: "talk",
            language: "en",
            startsAt: at("2021-11-22T00:45:00Z"),
            endsAt: at("2021-11-22T01:30:00Z"),
            speakers: [{ ...kim, role: "moderator", organizationKey: "moe-kr" }],
          },
        ],
      },
      { id: "f2", slug: "empty", title: { ...none, en: "Empty forum" }, startsAt: at("2021-11-23T00:00:00Z"), endsAt: at("2021-11-23T02:00:00Z"), sessions: [] },
    ],
  };
}

export function smallDirectory(): Directory {
  return {
    people: new Map([
      ["kim@example.test", { userId: "u-kim", name: "김서연", homeOrganizationKey: "nier" }],
      ["lee@example.test", { userId: "u-lee", name: "이준호", homeOrganizationKey: "moe-kr" }],
    ]),
    organizationKeys: new Set(["nier", "craes", "moe-kr"]),
  };
}

/** A row with the given cells, the rest empty. */
export function cells(values: Partial<Cells>): Cells {
  return { ...(Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Cells), ...values };
}
