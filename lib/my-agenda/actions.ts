"use server";
// Server actions of My agenda: the bookmark toggle (session page and agenda rows) and the
// preferences form of My conference.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/registration/schema";
import { z } from "@/lib/zod";
import { savePreferences, setBookmark } from "./mutations";

export interface BookmarkState {
  on?: boolean;
  error?: string;
}

export async function bookmarkAction(sessionId: string, on: boolean): Promise<BookmarkState> {
  try {
    const result = await setBookmark(await getActor(), { sessionId, on });
    revalidatePath("/[locale]/me", "page");
    return { on: result.on };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { error: "invalidAction" };
    throw err;
  }
}

export interface PreferencesState {
  saved?: boolean;
  error?: string;
  errors?: Record<string, string>;
}

export async function preferencesAction(slug: string, _prev: PreferencesState, form: FormData): Promise<PreferencesState> {
  const raw = { preferredLanguage: String(form.get("preferredLanguage") ?? ""), timeZone: String(form.get("timeZone") ?? ""), reminderMinutes: String(form.get("reminderMinutes") ?? "") };
  try {
    await savePreferences(await getActor(), slug, raw);
    revalidatePath("/[locale]/me", "page");
    return { saved: true };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { errors: fieldErrors(err) };
    throw err;
  }
}
