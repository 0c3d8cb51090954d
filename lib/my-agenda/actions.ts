"use server";
// Server actions of My agenda: the bookmark toggle (session page and agenda rows) and the
// preferences form of My conference.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { runAction, type ActionResult, type FormResult } from "@/lib/http/action";
import { savePreferences, setBookmark } from "./mutations";

/** Saves or drops the bookmark; answers whether the session is now on My agenda. */
export async function bookmarkAction(sessionId: string, on: boolean): Promise<ActionResult<boolean>> {
  return runAction(async () => {
    const result = await setBookmark(await getActor(), { sessionId, on });
    revalidatePath("/[locale]/me", "page");
    return result.on;
  }, "invalidAction");
}

export async function preferencesAction(slug: string, _prev: FormResult, form: FormData): Promise<ActionResult> {
  const raw = { preferredLanguage: String(form.get("preferredLanguage") ?? ""), timeZone: String(form.get("timeZone") ?? ""), reminderMinutes: String(form.get("reminderMinutes") ?? "") };
  return runAction(async () => {
    await savePreferences(await getActor(), slug, raw);
    revalidatePath("/[locale]/me", "page");
    return null;
  });
}
