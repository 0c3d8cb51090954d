import { describe, expect, it } from "vitest";
import { decideClaims } from "./claims";

const ministry = { organizationId: "org-ministry", organizationOther: null };
const lab = { organizationId: null, organizationOther: "Test Lab" };

describe("what a registration is granted and what it asks for", () => {
  it("grants delegate and observer on the registrant's word, and asks for any organisation", () => {
    expect(decideClaims({ role: "observer", ...ministry }, null)).toEqual({
      role: "observer",
      requestedRole: null,
      organizationId: null,
      organizationOther: null,
      requestedOrganizationId: "org-ministry",
      requestedOrganizationOther: null,
    });
    expect(decideClaims({ role: "delegate", ...lab }, null)).toMatchObject({ role: "delegate", organizationOther: null, requestedOrganizationOther: "Test Lab" });
  });

  it("seats a self-declared speaker or interpreter as a delegate until an organizer grants the role", () => {
    expect(decideClaims({ role: "speaker", ...ministry }, null)).toMatchObject({ role: "delegate", requestedRole: "speaker" });
    expect(decideClaims({ role: "interpreter", ...lab }, null)).toMatchObject({ role: "delegate", requestedRole: "interpreter" });
  });

  it("grants what an invitation names, and asks only for an organisation other than the invitation's", () => {
    const invitation = { role: "speaker" as const, ...ministry };
    expect(decideClaims({ role: "delegate", ...ministry }, invitation)).toEqual({
      role: "speaker",
      requestedRole: null,
      ...ministry,
      requestedOrganizationId: null,
      requestedOrganizationOther: null,
    });
    expect(decideClaims({ role: "delegate", ...lab }, invitation)).toMatchObject({ role: "speaker", ...ministry, requestedOrganizationOther: "Test Lab" });
    expect(decideClaims({ role: "delegate", organizationId: null, organizationOther: " test lab " }, { role: "delegate", ...lab })).toMatchObject({ ...lab, requestedOrganizationOther: null });
  });
});
