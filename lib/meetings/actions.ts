"use server";
// Server actions of the meetings: asking for one, answering, withdrawing and calling off, for the
// two people; the event's setting for its organizers. Errors are keys of "meetings.errors"; the
// page (force-dynamic) refreshes itself after a change.
import { getActor } from "@/lib/auth/current";
import { organizerAction, runAction, type ActionResult } from "@/lib/http/action";
import type { z } from "@/lib/zod";
import { cancelMeetingAsOrganizer, changeMeeting, requestMeeting, setMeetingPolicy } from "./mutations";
import type { MeetingPolicy, MeetingStatus } from "./rules";
import { meetingCommandSchema, meetingIdSchema, meetingPolicySchema, type RequestMeetingInput } from "./schema";

// Invalid input answers with the first field's own key (noteTooLong, chooseTime…).
const firstIssue = (err: z.ZodError) => err.issues[0]?.message ?? "invalidInput";

export async function requestMeetingAction(slug: string, input: RequestMeetingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => requestMeeting(await getActor(), slug, input), firstIssue);
}

export async function changeMeetingAction(meetingId: string, command: string): Promise<ActionResult<{ status: MeetingStatus }>> {
  return runAction(async () => changeMeeting(await getActor(), meetingId, meetingCommandSchema.parse(command)));
}

export async function setMeetingPolicyAction(slug: string, policy: string): Promise<ActionResult<{ policy: MeetingPolicy }>> {
  return organizerAction(slug, async (access) => setMeetingPolicy(access, meetingPolicySchema.parse(policy)));
}

export async function cancelMeetingAsOrganizerAction(slug: string, meetingId: string): Promise<ActionResult<{ status: MeetingStatus }>> {
  return organizerAction(slug, async (access) => cancelMeetingAsOrganizer(access, meetingIdSchema.parse(meetingId)));
}
