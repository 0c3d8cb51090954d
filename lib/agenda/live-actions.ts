"use server";
// Server action of the run sheet: one form action for Start, End and Next session, so the sheet
// shows one outcome line; errors come back as message keys of the "live.errors" namespace.
import { revalidatePath } from "next/cache";
import { revalidatePublicAgenda } from "./revalidate";
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { endSession, startNextSession, startSession, type LiveChange } from "./live-mutations";

export interface LiveControlState {
  error?: string;
  /** What the last command changed, for the sheet's confirmation line. */
  changed?: { sessionId: string; to: "live" | "ended" }[];
}

const knownErrors = new Set([
  "sessionNotFound",
  "forumNotFound",
  "alreadyLive",
  "alreadyEnded",
  "notLive",
  "noNextSession",
  "runSheetStale",
  "signInRequired",
  "organizersOnly",
  "eventNotFound",
]);

/** Form fields: `command` (start | end | next), `sessionId` (start, end), `expectedLiveId` (next; "" = none). */
export async function liveControlAction(slug: string, forumSlug: string, _prev: LiveControlState, form: FormData): Promise<LiveControlState> {
  const command = String(form.get("command") ?? "");
  const sessionId = String(form.get("sessionId") ?? "");
  const actor = await getActor();
  try {
    let changes: LiveChange[];
    if (command === "start") changes = await startSession(actor, slug, sessionId);
    else if (command === "end") changes = await endSession(actor, slug, sessionId);
    else if (command === "next") changes = await startNextSession(actor, slug, forumSlug, String(form.get("expectedLiveId") ?? "") || null);
    else return { error: "invalidCommand" };
    revalidatePath("/[locale]/organizer/events/[slug]/forums/[forumSlug]/run", "page");
    revalidatePublicAgenda(slug);
    return { changed: changes.map((c) => ({ sessionId: c.sessionId, to: c.to })) };
  } catch (err) {
    if (err instanceof AppError) return { error: knownErrors.has(err.message) ? err.message : "invalidCommand" };
    if (err instanceof z.ZodError) return { error: "invalidCommand" };
    throw err;
  }
}
