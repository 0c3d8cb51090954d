"use server";
// Server actions a participant calls about themselves in the room (lib/rooms/requests.ts): hand,
// screen-share request, booth. Each answers with the server's stamp and clock, or an error key.
import { actorAction, type ActionResult } from "@/lib/http/action";
import { leaveBooth, setHand, setShareRequest, takeBooth, type Stamped } from "./requests";
import { boothRequestSchema, setRequestSchema } from "./schema";

export type StampedResult = ActionResult<Stamped>;

export async function raiseHandAction(sessionId: string, raised: boolean): Promise<StampedResult> {
  return actorAction(setRequestSchema, { sessionId, up: raised }, (input, actor) => setHand(actor, input.sessionId, input.up));
}

export async function requestShareAction(sessionId: string, asked: boolean): Promise<StampedResult> {
  return actorAction(setRequestSchema, { sessionId, up: asked }, (input, actor) => setShareRequest(actor, input.sessionId, input.up));
}

export async function takeBoothAction(sessionId: string, language: string): Promise<StampedResult> {
  return actorAction(boothRequestSchema, { sessionId, language }, (input, actor) => takeBooth(actor, input.sessionId, input.language));
}

export async function leaveBoothAction(sessionId: string, language: string): Promise<StampedResult> {
  return actorAction(boothRequestSchema, { sessionId, language }, (input, actor) => leaveBooth(actor, input.sessionId, input.language));
}

/** The server's clock, for the room's estimate of it (handover timers, hand times, closing). */
export async function serverClockAction(): Promise<{ serverNow: number }> {
  return { serverNow: Date.now() };
}
