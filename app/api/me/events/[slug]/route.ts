// GET /api/me/events/{slug} — where the visitor stands with an event (registration, own forums,
// bookmarks), for the leaves of pages that are the same for everyone and served from the cache
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { getBookmarkedIds, getRegistrationOfferOrThrow, getRoomExtensions, getVisitorStanding } from "@/lib/event-state/data";
import type { VisitorSnapshot } from "@/lib/event-state/state";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const actor = await getActor();
  const { eventId, offer } = await getRegistrationOfferOrThrow(slug);
  const [standing, bookmarks, extensions] = await Promise.all([getVisitorStanding(actor, eventId), getBookmarkedIds(actor, eventId), getRoomExtensions(eventId)]);
  const body: VisitorSnapshot = { ...standing, registrationOpen: offer.kind === "open", bookmarks, extensions };
  return NextResponse.json(body, { headers: UNCACHED_SMALL });
});
