// The live room of a session's forum (/sessions/{id}/live): the server decides whether the viewer
// may join now and hands the client leaf what it shows beside the stage; the token comes later,
// from POST /api/livekit/token, which decides again.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LiveRoomLoader } from "@/components/room/live-room-loader";
import { RoomShell } from "@/components/room/room-shell";
import type { RoomInfo } from "@/components/room/room-info";
import { AllMessages } from "@/components/ui/all-messages";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSessionContextOrThrow } from "@/lib/agenda/data";
import { orNotFound, pageLocale, requirePageActor } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { rehearses } from "@/lib/rooms/grants";
import { getLobbyInfo } from "@/lib/lobby/place";
import { checkStageJoin } from "@/lib/rooms/join";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { id } = await params;
  const { session } = await orNotFound(getSessionContextOrThrow(id));
  const t = await getTranslations("room");
  return { title: `${t("title")} · ${pickText(session.title, locale)}` };
}

export default async function LiveRoomPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const { agenda, forum, session } = await orNotFound(getSessionContextOrThrow(id));
  const actor = await requirePageActor(locale, `/sessions/${id}/live`);
  // The token route's own check (lib/rooms/join.ts), which it makes again at Join.
  const now = new Date();
  const outcome = await orNotFound(checkStageJoin(actor, id, now));
  const { stage, member, refusal } = outcome;
  const t = await getTranslations("room");
  const { event } = agenda;
  // Someone the lobby is for gets the room's page, which shows the lobby until they are let in.
  const lobby = refusal ? await getLobbyInfo(outcome, event.slug, now) : null;
  const backHref = `/sessions/${session.id}`;
  const zones = [...event.displayZones].sort((a, b) => Number(b.zone === event.timeZone) - Number(a.zone === event.timeZone));
  const info: RoomInfo | null =
    member && (!refusal || lobby)
      ? {
          sessionId: session.id,
          forumId: stage.forumId,
          backHref,
          viewer: { name: member.name, nameLatin: member.profile.nameLatin, role: member.role, isOrganizer: member.role === "organizer" },
          renderedAt: now.getTime(),
          // A rehearsal keeps the room open for those it lets in.
          forum: {
            title: pickText(forum.title, locale),
            startsAt: stage.startsAt.getTime(),
            closesAt: Math.max(stage.closesAt.getTime(), rehearses(member.role) ? (stage.rehearsalUntil?.getTime() ?? 0) : 0),
          },
          sessions: forum.sessions.map((s) => ({ id: s.id, title: pickText(s.title, locale), startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() })),
          zones: zones.map((z) => ({ zone: z.zone, label: `${pickText(z.label, locale)} ${z.abbr}` })),
          languages: event.languages,
          ...(lobby ? { lobby } : {}),
        }
      : null;

  if (info) {
    // The room takes the whole window: no breadcrumbs or page heading (it has its own).
    return (
      <AllMessages>
        <RoomShell>
          <LiveRoomLoader info={info} />
        </RoomShell>
      </AllMessages>
    );
  }
  return (
    <AllMessages>
      <div className="space-y-4">
        <Breadcrumbs
          items={[
            { href: `/events/${event.slug}`, label: pickText(event.title, locale) },
            { href: `/events/${event.slug}/forums/${forum.slug}`, label: pickText(forum.title, locale) },
            { href: backHref, label: pickText(session.title, locale) },
          ]}
        />
        <h1 className="text-2xl font-semibold">{t("heading", { forum: pickText(forum.title, locale) })}</h1>
        <div role="alert" className="space-y-2 rounded border border-slate-300 bg-slate-50 p-4" data-testid="room-refused" data-reason={refusal}>
          <p className="font-semibold">{t(`outcome.denied.${refusal ?? "unknown"}`)}</p>
          {refusal === "watchOnly" && (
            <Link href={`/events/${event.slug}/forums/${forum.slug}/watch`} className="block text-sky-900 underline" data-testid="room-watch">
              {t("outcome.watch")}
            </Link>
          )}
          <Link href={backHref} className="text-sky-900 underline">
            {t("outcome.back")}
          </Link>
        </div>
      </div>
    </AllMessages>
  );
}
