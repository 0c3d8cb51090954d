// The attendance report's query: which session (an id of the event's sessions); none → a default.
import { z } from "@/lib/zod";

export const attendanceQuerySchema = z.object({
  session: z.string().trim().min(1).max(64).optional().catch(undefined),
});

export type AttendanceQuery = z.infer<typeof attendanceQuerySchema>;
