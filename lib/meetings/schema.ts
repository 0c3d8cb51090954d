// Input of the meetings' actions and routes. The time comes as the wall clock of the requester's
// own zone ("YYYY-MM-DDTHH:mm", as a datetime-local input gives it); the server reads that zone
// from their registration, so the page and the server never disagree about which zone it was.
import { CONTROL_EXCEPT_LINE_BREAKS, z } from "@/lib/zod";
import { MEETING_DURATIONS, MEETING_POLICIES, NOTE_MAX_LENGTH } from "./rules";

export const meetingIdSchema = z.string().trim().min(1).max(200);

export const meetingNoteSchema = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .max(NOTE_MAX_LENGTH, "noteTooLong")
      .refine((s) => !CONTROL_EXCEPT_LINE_BREAKS.test(s), "noteInvalid"),
  );

export const requestMeetingSchema = z.object({
  inviteeId: z.string().trim().min(1, "chooseSomeone").max(200),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "chooseTime"),
  minutes: z.coerce.number().refine((n) => (MEETING_DURATIONS as readonly number[]).includes(n), "badDuration"),
  note: meetingNoteSchema.default(""),
});

export type RequestMeetingInput = z.input<typeof requestMeetingSchema>;

export const meetingCommandSchema = z.enum(["accept", "decline", "withdraw", "cancel"]);

export const meetingPolicySchema = z.enum(MEETING_POLICIES as [string, ...string[]]).transform((p) => p as (typeof MEETING_POLICIES)[number]);

/** The organizers' console query (?status=&day=&page=): anything unreadable is simply no filter. */
export const meetingsConsoleQuerySchema = z.object({
  status: z.enum(["requested", "accepted", "declined", "cancelled"]).optional().catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type MeetingsConsoleQuery = z.infer<typeof meetingsConsoleQuerySchema>;
