"use server";
// Server actions of the agenda editor: parse, authorize (an approved organizer of this event,
// checked here on every call), call the mutation, and map its errors to what the form shows.
import { revalidatePath } from "next/cache";
import { revalidatePublicAgenda } from "@/lib/agenda/revalidate";
import { z } from "@/lib/zod";
import type { Conflict } from "@/lib/agenda/conflicts";
import { publishAgenda, unpublishEvent } from "@/lib/agenda/publish";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/http/action-result";
import { organizerAction, type ActionResult } from "@/lib/http/action";
import { updateEvent } from "./event";
import { deleteForum, moveForum, saveForum } from "./forums";
import { eventInputSchema, forumInputSchema, sessionInputSchema, shiftInputSchema } from "./schema";
import { deleteSession, previewSession, saveSession } from "./sessions";
import { shiftForum } from "./shift";
import { searchPeople } from "./speakers";

// Only these field messages have words in the editor; any other reads as "invalid".
const knownMessages = new Set(["tooLong", "titleRequired", "invalidTime", "invalidZone", "required", "invalidKey", "invalidSlug", "invalidUrl", "speakerNameRequired", "invalidMinutes"]);

async function run<T>(slug: string, work: (eventId: string, actor: Actor) => Promise<T>, publishes?: (data: T) => boolean): Promise<ActionResult<T>> {
  const result = await organizerAction(slug, async ({ eventId, actor }) => {
    const data = await work(eventId, actor);
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    if (publishes?.(data)) revalidatePublicAgenda(slug);
    return data;
  });
  const fields = fieldErrorsOf(result);
  if (result.ok || !Object.keys(fields).length) return result;
  return { ...result, details: { fields: Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, knownMessages.has(m) ? m : "invalid"])) } };
}

const target = z.object({ id: z.string().min(1), version: z.number().int().min(0) }).nullable();

export async function saveSessionAction(slug: string, rawTarget: unknown, raw: unknown) {
  return run(slug, async (eventId, actor) => saveSession(eventId, actor, target.parse(rawTarget), sessionInputSchema.parse(raw)));
}

/** The clashes the draft would have if saved; none while it is not yet valid. */
export async function previewSessionAction(slug: string, selfId: string | null, raw: unknown): Promise<ActionResult<Conflict[]>> {
  return run(slug, async (eventId) => {
    const parsed = sessionInputSchema.safeParse(raw);
    return parsed.success ? previewSession(eventId, selfId, parsed.data) : [];
  });
}

export async function deleteSessionAction(slug: string, id: string) {
  return run(slug, async (eventId, actor) => (await deleteSession(eventId, actor, id), null));
}

// A read: nothing to revalidate.
export async function searchPeopleAction(slug: string, query: string) {
  return organizerAction(slug, async ({ eventId }) => searchPeople(db, eventId, String(query).slice(0, 100)));
}

export async function saveForumAction(slug: string, rawTarget: unknown, raw: unknown) {
  return run(slug, async (eventId, actor) => saveForum(eventId, actor, target.parse(rawTarget), forumInputSchema.parse(raw)));
}

export async function moveForumAction(slug: string, forumId: string, direction: -1 | 1) {
  return run(slug, async (eventId, actor) => (await moveForum(eventId, actor, forumId, direction === -1 ? -1 : 1), null));
}

export async function deleteForumAction(slug: string, forumId: string) {
  return run(slug, async (eventId, actor) => (await deleteForum(eventId, actor, forumId), null));
}

export async function updateEventAction(slug: string, raw: unknown) {
  return run(slug, async (eventId, actor) => updateEvent(eventId, actor, eventInputSchema.parse(raw)));
}

export async function shiftForumAction(slug: string, raw: unknown) {
  return run(
    slug,
    async (eventId, actor) => shiftForum(eventId, actor, shiftInputSchema.parse(raw)),
    (r) => !!r.published,
  );
}

/** Publishes the draft; answers the new published version. */
export async function publishAgendaAction(slug: string) {
  return run(
    slug,
    async (eventId, actor) => (await publishAgenda(eventId, actor)).version,
    (version) => !!version,
  );
}

export async function unpublishEventAction(slug: string) {
  return run(
    slug,
    async (eventId, actor) => (await unpublishEvent(eventId, actor), null),
    () => true,
  );
}
