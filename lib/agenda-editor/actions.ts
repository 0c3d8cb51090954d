"use server";
// Server actions of the agenda editor: parse, authorize (an approved organizer of this event,
// checked here on every call), call the mutation, and map its errors to what the form shows.
import { revalidatePath } from "next/cache";
import { revalidatePublicAgenda } from "@/lib/agenda/revalidate";
import { z } from "@/lib/zod";
import type { Conflict } from "@/lib/agenda/conflicts";
import { publishAgenda, unpublishEvent } from "@/lib/agenda/publish";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateEvent } from "./event";
import { deleteForum, moveForum, saveForum } from "./forums";
import { eventInputSchema, forumInputSchema, issuesByPath, sessionInputSchema, shiftInputSchema } from "./schema";
import { deleteSession, previewSession, saveSession } from "./sessions";
import { shiftForum } from "./shift";
import { searchPeople } from "./speakers";

export interface EditorResult {
  ok?: boolean;
  id?: string;
  slug?: string;
  version?: number;
  moved?: number;
  published?: number | null;
  unpublished?: boolean;
  error?: string;
  errors?: Record<string, string>;
  conflicts?: Conflict[];
  /** Someone saved first: their version and values, for the editor to compare with the user's. */
  stale?: { version: number; current: unknown };
  /** Which speaker row an error is about. */
  index?: number;
}

const knownMessages = new Set([
  "tooLong", "titleRequired", "invalidTime", "invalidZone", "required", "invalidKey", "invalidSlug",
  "invalidUrl", "speakerNameRequired", "invalidMinutes",
]);

async function run(slug: string, work: (eventId: string, actor: Actor) => Promise<EditorResult>): Promise<EditorResult> {
  try {
    const { eventId, actor } = await requireOrganizer(await getActor(), slug);
    const result = await work(eventId, actor);
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    if (result.published || result.unpublished) revalidatePublicAgenda(slug);
    return { ok: true, ...result };
  } catch (err) {
    if (err instanceof z.ZodError) {
      const errors = Object.fromEntries(Object.entries(issuesByPath(err)).map(([k, m]) => [k, knownMessages.has(m) ? m : "invalid"]));
      return { error: "invalidInput", errors };
    }
    if (err instanceof AppError) {
      const details = (err.details ?? {}) as { conflicts?: Conflict[]; version?: number; current?: unknown; index?: number };
      if (details.conflicts) return { error: "conflicts", conflicts: details.conflicts };
      if (err.code === "CONFLICT" && details.current !== undefined) return { error: err.message, stale: { version: details.version!, current: details.current } };
      return { error: err.message, index: details.index };
    }
    throw err;
  }
}

const target = z.object({ id: z.string().min(1), version: z.number().int().min(0) }).nullable();

export async function saveSessionAction(slug: string, rawTarget: unknown, raw: unknown): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => saveSession(eventId, actor, target.parse(rawTarget), sessionInputSchema.parse(raw)));
}

export async function previewSessionAction(slug: string, selfId: string | null, raw: unknown): Promise<EditorResult> {
  return run(slug, async (eventId) => {
    const parsed = sessionInputSchema.safeParse(raw);
    if (!parsed.success) return { conflicts: [] };
    return { conflicts: await previewSession(eventId, selfId, parsed.data) };
  });
}

export async function deleteSessionAction(slug: string, id: string): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => (await deleteSession(eventId, actor, id), {}));
}

export async function searchPeopleAction(slug: string, query: string) {
  const { eventId } = await requireOrganizer(await getActor(), slug);
  return searchPeople(db, eventId, String(query).slice(0, 100));
}

export async function saveForumAction(slug: string, rawTarget: unknown, raw: unknown): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => saveForum(eventId, actor, target.parse(rawTarget), forumInputSchema.parse(raw)));
}

export async function moveForumAction(slug: string, forumId: string, direction: -1 | 1): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => (await moveForum(eventId, actor, forumId, direction === -1 ? -1 : 1), {}));
}

export async function deleteForumAction(slug: string, forumId: string): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => (await deleteForum(eventId, actor, forumId), {}));
}

export async function updateEventAction(slug: string, raw: unknown): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => updateEvent(eventId, actor, eventInputSchema.parse(raw)));
}

export async function shiftForumAction(slug: string, raw: unknown): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => shiftForum(eventId, actor, shiftInputSchema.parse(raw)));
}

export async function publishAgendaAction(slug: string): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => ({ published: (await publishAgenda(eventId, actor)).version }));
}

export async function unpublishEventAction(slug: string): Promise<EditorResult> {
  return run(slug, async (eventId, actor) => (await unpublishEvent(eventId, actor), { unpublished: true }));
}
