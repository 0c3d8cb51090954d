"use server";
// Server action of the run sheet: one form action for Start, End and Next session, so the sheet
// shows one outcome line; errors come back as message keys of the "live.errors" namespace.
import { revalidatePath } from "next/cache";
import { revalidatePublicAgenda } from "../revalidate";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { runAction, type ActionResult, type FormResult } from "@/lib/http/action";
import { endSession, startNextSession, startSession, type LiveChange } from "./mutations";

/** What the last command changed, for the sheet's confirmation line. */
export type LiveChanges = { sessionId: string; to: "live" | "ended" }[];

const knownErrors = new Set(["sessionNotFound", "forumNotFound", "alreadyLive", "alreadyEnded", "notLive", "noNextSession", "runSheetStale", "signInRequired", "organizersOnly", "eventNotFound"]);

/** Form fields: `command` (start | end | next), `sessionId` (start, end), `expectedLiveId` (next; "" = none). */
export async function liveControlAction(slug: string, forumSlug: string, _prev: FormResult<LiveChanges>, form: FormData): Promise<ActionResult<LiveChanges>> {
  const command = String(form.get("command") ?? "");
  const sessionId = String(form.get("sessionId") ?? "");
  const result = await runAction(async () => {
    const actor = await getActor();
    let changes: LiveChange[];
    if (command === "start") changes = await startSession(actor, slug, sessionId);
    else if (command === "end") changes = await endSession(actor, slug, sessionId);
    else if (command === "next") changes = await startNextSession(actor, slug, forumSlug, String(form.get("expectedLiveId") ?? "") || null);
    else throw new AppError("BAD_REQUEST", "invalidCommand");
    revalidatePath("/[locale]/organizer/events/[slug]/forums/[forumSlug]/run", "page");
    revalidatePublicAgenda(slug);
    return changes.map((c) => ({ sessionId: c.sessionId, to: c.to }));
  }, "invalidCommand");
  // The sheet has words for its own refusals only; any other reads as a command it cannot do.
  return result.ok || knownErrors.has(result.error) ? result : { ok: false, error: "invalidCommand" };
}
