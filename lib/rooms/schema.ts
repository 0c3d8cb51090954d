// Input of the token route and the moderation actions.
import { z } from "@/lib/zod";

const id = z.string().trim().min(1).max(200);

export const sessionRefSchema = z.object({ sessionId: id });

export const tokenRequestSchema = sessionRefSchema;

export const participantRefSchema = sessionRefSchema.extend({ identity: id });

export const muteTrackSchema = participantRefSchema.extend({ trackSid: id });

export const setSpeakSchema = participantRefSchema.extend({ allow: z.boolean() });

export const extendRoomSchema = sessionRefSchema.extend({ minutes: z.number().int().min(5).max(120) });
