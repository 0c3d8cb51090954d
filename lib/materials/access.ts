// Who may download a material, by its visibility. Decided on the server on every request.
import { isOrganizer, type Membership } from "@/lib/auth/roles";

export type MaterialVisibility = "public" | "registered" | "organizers";

export type AccessDecision = "allow" | "unauthenticated" | "forbidden" | "notFound";

/** `membership`: the viewer's registration to the material's event (null if none or signed out).
 * An event hidden from the public (unpublished) has no materials for anyone but its organizers. */
export function materialAccess(visibility: MaterialVisibility, signedIn: boolean, membership: Membership | null, eventPublished: boolean): AccessDecision {
  if (!eventPublished) return isOrganizer(membership) ? "allow" : "notFound";
  if (visibility === "public") return "allow";
  if (!signedIn) return "unauthenticated";
  if (isOrganizer(membership)) return "allow";
  if (visibility === "registered" && membership?.status === "approved") return "allow";
  return "forbidden";
}
