"use server";
// Server actions behind the broadcast console: settings, on air / off air, restream destinations.
// Each checks on the server, in lib/broadcast, that the actor organizes the forum's event; a
// refusal's key is one of broadcast.errors, for the console to show in the viewer's language.
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action";
import { startBroadcast, stopBroadcast } from "./control";
import { getBroadcastConsole, type BroadcastConsole } from "./data";
import { addRestreamDestination, removeRestreamDestination, type RestreamDestinationView } from "./destinations";
import { broadcastSettingsSchema } from "./schema";
import { setBroadcastSettings } from "./settings";
import type { BroadcastSettings } from "./types";

const issueKey = (err: z.ZodError) => {
  const message = err.issues[0]?.message;
  return message && /^[a-zA-Z]+$/.test(message) ? message : "invalidInput";
};

async function act<T>(work: (actor: Actor | null) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(async () => work(await getActor()), issueKey);
}

const id = z.string().min(1).max(100);

export async function getBroadcastConsoleAction(forumId: string): Promise<ActionResult<BroadcastConsole>> {
  return act((actor) => getBroadcastConsole(actor, id.parse(forumId)));
}

export async function setBroadcastSettingsAction(forumId: string, settings: Partial<BroadcastSettings>): Promise<ActionResult<BroadcastSettings>> {
  return act((actor) => setBroadcastSettings(actor, id.parse(forumId), broadcastSettingsSchema.parse(settings)));
}

export async function startBroadcastAction(forumId: string): Promise<ActionResult<null>> {
  return act(async (actor) => (await startBroadcast(actor, id.parse(forumId)), null));
}

export async function stopBroadcastAction(forumId: string): Promise<ActionResult<null>> {
  return act(async (actor) => (await stopBroadcast(actor, id.parse(forumId)), null));
}

export async function addRestreamDestinationAction(forumId: string, input: { label: string; url: string; streamKey: string }): Promise<ActionResult<RestreamDestinationView>> {
  return act((actor) => addRestreamDestination(actor, id.parse(forumId), input));
}

export async function removeRestreamDestinationAction(destinationId: string): Promise<ActionResult<null>> {
  return act(async (actor) => (await removeRestreamDestination(actor, id.parse(destinationId)), null));
}
