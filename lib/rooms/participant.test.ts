import { describe, expect, it } from "vitest";
import { parseMetadata, replacementAttributes, toAttributes, toMetadata, type ParticipantProfile } from "./participant";

const profile: ParticipantProfile = {
  role: "delegate",
  language: "zh",
  organization: { key: "kei", name: { ko: "한국환경연구원", zh: "韩国环境研究院", en: "Korea Environment Institute" } },
  nameLatin: "Kim Minji",
};

describe("participant profile", () => {
  it("reads back the metadata it writes", () => {
    expect(parseMetadata(toMetadata(profile))).toEqual(profile);
  });
  it("flattens role, language, the Latin name and the organisation's key and names into string attributes", () => {
    expect(toAttributes(profile)).toEqual({
      "role": "delegate",
      "language": "zh",
      "nameLatin": "Kim Minji",
      "organization": "kei",
      "organization.ko": "한국환경연구원",
      "organization.zh": "韩国环境研究院",
      "organization.en": "Korea Environment Institute",
    });
  });
  it("leaves the organisation attributes out for someone without one", () => {
    expect(toAttributes({ ...profile, organization: null, nameLatin: null })).toEqual({ role: "delegate", language: "zh" });
  });
  it.each([
    ["nothing", undefined],
    ["not JSON", "{"],
    ["an unknown role", JSON.stringify({ ...profile, role: "king" })],
    ["an unknown language", JSON.stringify({ ...profile, language: "fr" })],
  ])("treats %s as no profile", (_label, metadata) => {
    expect(parseMetadata(metadata)).toBeNull();
  });
});

describe("attributes after a registration change", () => {
  it("restate the profile and drop the hand, the screen request and every booth claim", () => {
    expect(replacementAttributes({ ...profile, role: "observer", organization: null, nameLatin: null })).toEqual({
      "role": "observer",
      "language": "zh",
      "nameLatin": "",
      "organization": "",
      "organization.ko": "",
      "organization.zh": "",
      "organization.en": "",
      "hand": "",
      "shareRequest": "",
      "booth.ko": "",
      "booth.zh": "",
      "booth.en": "",
    });
  });
});
