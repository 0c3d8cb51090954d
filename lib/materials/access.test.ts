import { describe, expect, it } from "vitest";
import { materialAccess } from "./access";

const organizer = { role: "organizer", status: "approved" } as const;
const delegate = { role: "delegate", status: "approved" } as const;
const pending = { role: "delegate", status: "pending" } as const;
const pendingOrganizer = { role: "organizer", status: "pending" } as const;

describe("material access", () => {
  it("lets anyone download public materials, signed in or not", () => {
    expect(materialAccess("public", false, null, true)).toBe("allow");
    expect(materialAccess("public", true, pending, true)).toBe("allow");
  });

  it("lets only approved registrants and organizers download materials for registered people", () => {
    expect(materialAccess("registered", false, null, true)).toBe("unauthenticated");
    expect(materialAccess("registered", true, null, true)).toBe("forbidden");
    expect(materialAccess("registered", true, pending, true)).toBe("forbidden");
    expect(materialAccess("registered", true, delegate, true)).toBe("allow");
    expect(materialAccess("registered", true, organizer, true)).toBe("allow");
  });

  it("lets only approved organizers download organizer materials", () => {
    expect(materialAccess("organizers", false, null, true)).toBe("unauthenticated");
    expect(materialAccess("organizers", true, delegate, true)).toBe("forbidden");
    expect(materialAccess("organizers", true, pendingOrganizer, true)).toBe("forbidden");
    expect(materialAccess("organizers", true, organizer, true)).toBe("allow");
  });

  it("gives nothing of an event hidden from the public to anyone but its organizers", () => {
    expect(materialAccess("public", false, null, false)).toBe("notFound");
    expect(materialAccess("public", true, delegate, false)).toBe("notFound");
    expect(materialAccess("registered", true, organizer, false)).toBe("allow");
  });
});
