// Who may do what, from a person's registration to an event. Decided on the server, per request,
// from the database: a demoted organizer loses organizer powers on the next request.
export type RegistrationRole = "organizer" | "speaker" | "interpreter" | "delegate" | "observer" | "audience";
export type RegistrationState = "pending" | "approved" | "waitlisted" | "declined" | "cancelled";

export interface Membership {
  role: RegistrationRole;
  status: RegistrationState;
}

export function isOrganizer(m: Membership | null | undefined): boolean {
  return !!m && m.role === "organizer" && m.status === "approved";
}
