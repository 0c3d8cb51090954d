// Input of the token route and the room's server actions, and the token route's answer.
import { z } from "@/lib/zod";
import { locales } from "@/lib/i18n/routing";

const id = z.string().trim().min(1).max(200);

/** What POST /api/livekit/token answers (LiveKit Meet's shape), as the room page reads it. */
export interface StageToken {
  serverUrl: string;
  roomName: string;
  participantName: string;
  participantToken: string;
}

export const sessionRefSchema = z.object({ sessionId: id });

/** `room` "backstage": the forum's backstage room, for those who wait there (lib/backstage);
 * "breakout": the person's breakout room, or (organizers) `breakoutId` (lib/breakouts). */
export const tokenRequestSchema = sessionRefSchema.extend({ room: z.enum(["stage", "backstage", "breakout"]).default("stage"), breakoutId: id.optional() });

/** A call from inside the room: the session's stage, or (`breakoutId`) the breakout room the client is in. */
export const roomRefSchema = sessionRefSchema.extend({ breakoutId: id.nullish() });

export const participantRefSchema = roomRefSchema.extend({ identity: id });

export const muteTrackSchema = participantRefSchema.extend({ trackSid: id });

export const setSpeakSchema = participantRefSchema.extend({ allow: z.boolean() });

export const extendRoomSchema = sessionRefSchema.extend({ minutes: z.number().int().min(5).max(120) });

export const forumRefSchema = z.object({ forumId: id });

export const forumPersonSchema = forumRefSchema.extend({ userId: id });

export const setRequestSchema = roomRefSchema.extend({ up: z.boolean() });

export const boothRequestSchema = roomRefSchema.extend({ language: z.enum(locales) });

export const rehearsalSchema = forumRefSchema.extend({ minutes: z.number().int().min(15).max(480) });
