import { describe, expect, it } from "vitest";
import { materialAccess } from "./access";

const organizer = { role: "organizer", status: "approved" } as const;
const delegate = { role: "delegate", status: "approved" } as const;
const pending = { role: "delegate", status: "pending" } as const;
const pendingOrganizer = { role: "organizer", status: "pending" } as const;

describe("material access", () => {
  it("lets anyone download public materials, signed in or not", () => {
    expect(materialAccess("public", false, null)).toBe("allow");
    expect(materialAccess("public", true, pending)).toBe("allow");
  });

  it("lets only approved registrants and organizers download materials for registered people", () => {
    expect(materialAccess("registered", false, null)).toBe("unauthenticated");
    expect(materialAccess("registered", true, null)).toBe("forbidden");
    expect(materialAccess("registered", true, pending)).toBe("forbidden");
    expect(materialAccess("registered", true, delegate)).toBe("allow");
    expect(materialAccess("registered", true, organizer)).toBe("allow");
  });

  it("lets only approved organizers download organizer materials", () => {
    expect(materialAccess("organizers", false, null)).toBe("unauthenticated");
    expect(materialAccess("organizers", true, delegate)).toBe("forbidden");
    expect(materialAccess("organizers", true, pendingOrganizer)).toBe("forbidden");
    expect(materialAccess("organizers", true, organizer)).toBe("allow");
  });
});
