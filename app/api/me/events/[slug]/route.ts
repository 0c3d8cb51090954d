// GET /api/me/events/{slug} — where the visitor stands with an event (registration, own forums,
// bookmarks, rooms open late or for a rehearsal), for the leaves of pages that are the same for everyone and served from the cache
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { getRegistrationOfferOrThrow, getVisitorSnapshot } from "@/lib/event-state/data";
import { takesRegistrations, type VisitorSnapshot } from "@/lib/event-state/state";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const actor = await getActor();
  const { eventId, offer } = await getRegistrationOfferOrThrow(slug);
  const body: VisitorSnapshot = { ...(await getVisitorSnapshot(actor, eventId)), registrationOpen: takesRegistrations(offer) };
  return NextResponse.json(body, { headers: UNCACHED_SMALL });
});
