"use server";
// Server actions a participant calls about themselves in the room (lib/rooms/requests.ts): hand,
// screen-share request, booth. Each answers with the server's stamp and clock, or an error key.
import { actorAction, type ActionResult } from "@/lib/http/action";
import { leaveBooth, setHand, setShareRequest, takeBooth, type Stamped } from "./requests";
import { boothRequestSchema, setRequestSchema } from "./schema";

export type StampedResult = ActionResult<Stamped>;

// `breakoutId`: the breakout room the client is in (absent or null: the stage).
export async function raiseHandAction(sessionId: string, raised: boolean, breakoutId?: string | null): Promise<StampedResult> {
  return actorAction(setRequestSchema, { sessionId, breakoutId, up: raised }, (input, actor) => setHand(actor, input, input.up));
}

export async function requestShareAction(sessionId: string, asked: boolean, breakoutId?: string | null): Promise<StampedResult> {
  return actorAction(setRequestSchema, { sessionId, breakoutId, up: asked }, (input, actor) => setShareRequest(actor, input, input.up));
}

export async function takeBoothAction(sessionId: string, language: string, breakoutId?: string | null): Promise<StampedResult> {
  return actorAction(boothRequestSchema, { sessionId, breakoutId, language }, (input, actor) => takeBooth(actor, input, input.language));
}

export async function leaveBoothAction(sessionId: string, language: string, breakoutId?: string | null): Promise<StampedResult> {
  return actorAction(boothRequestSchema, { sessionId, breakoutId, language }, (input, actor) => leaveBooth(actor, input, input.language));
}

/** The server's clock, for the room's estimate of it (handover timers, hand times, closing). */
export async function serverClockAction(): Promise<{ serverNow: number }> {
  return { serverNow: Date.now() };
}
