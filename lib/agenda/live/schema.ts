// Input of the run sheet's commands (Start / End / Next session).
import { z } from "@/lib/zod";

const id = z.string().min(1).max(100);

export const liveCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("start"), sessionId: id }),
  z.object({ command: z.literal("end"), sessionId: id }),
  // null: nothing was live when the organizer pressed it; absent: no check.
  z.object({ command: z.literal("next"), forumSlug: id, expectedLiveId: id.nullable().optional() }),
]);

export type LiveCommandInput = z.input<typeof liveCommandSchema>;
