// What a registration is granted on arrival and what it only asks for. A registrant's own word
// grants the roles that give no more than a seat (delegate, observer) or a place to watch (audience); a role beyond them and any
// organisation are *requested* and wait for an organizer, under every policy. An invitation is
// the organizer's word: its role and organisation are granted. Pure: unit-tested beside.
import type { RegistrationRole } from "@/lib/auth/roles";

export const GRANTED_ON_ARRIVAL: readonly RegistrationRole[] = ["delegate", "observer", "audience"];

export interface OrganizationChoice {
  organizationId: string | null;
  organizationOther: string | null;
}

export interface Claims extends OrganizationChoice {
  role: RegistrationRole;
  requestedRole: RegistrationRole | null;
  requestedOrganizationId: string | null;
  requestedOrganizationOther: string | null;
}

const none: OrganizationChoice = { organizationId: null, organizationOther: null };

function sameOrganization(a: OrganizationChoice, b: OrganizationChoice): boolean {
  if (a.organizationId || b.organizationId) return a.organizationId === b.organizationId;
  return (a.organizationOther ?? "").trim().toLowerCase() === (b.organizationOther ?? "").trim().toLowerCase();
}

const isNone = (o: OrganizationChoice) => !o.organizationId && !o.organizationOther;

export function decideClaims(asked: { role: RegistrationRole } & OrganizationChoice, invitation: ({ role: RegistrationRole } & OrganizationChoice) | null): Claims {
  const askedOrg = { organizationId: asked.organizationId, organizationOther: asked.organizationOther };
  if (invitation) {
    const invited = { organizationId: invitation.organizationId, organizationOther: invitation.organizationOther };
    const other = isNone(askedOrg) || sameOrganization(askedOrg, invited) ? none : askedOrg;
    return { role: invitation.role, requestedRole: null, ...invited, requestedOrganizationId: other.organizationId, requestedOrganizationOther: other.organizationOther };
  }
  const granted = GRANTED_ON_ARRIVAL.includes(asked.role);
  return {
    role: granted ? asked.role : "delegate",
    requestedRole: granted ? null : asked.role,
    ...none,
    requestedOrganizationId: askedOrg.organizationId,
    requestedOrganizationOther: askedOrg.organizationId ? null : askedOrg.organizationOther,
  };
}
