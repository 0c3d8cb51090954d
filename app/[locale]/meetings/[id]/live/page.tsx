// A one-to-one meeting's room (/{locale}/meetings/{id}/live): the server checks that the viewer is
// one of its two people and that the room is open, and hands the client leaf what it shows; the
// token comes later, from POST /api/meetings/{id}/token, which checks again.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingRoomLoader } from "@/components/meetings/room/meeting-room-loader";
import { RoomShell } from "@/components/room/room-shell";
import { AllMessages } from "@/components/ui/all-messages";
import { orNotFound, pageLocale, requirePageActor } from "@/lib/http/page";
import { Link } from "@/lib/i18n/navigation";
import { checkMeetingJoin } from "@/lib/meetings/room";
import { meetingIdSchema } from "@/lib/meetings/schema";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "meetings" }))("title") };
}

export default async function MeetingRoomPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, `/meetings/${id}/live`);
  const now = new Date();
  const { meeting, me, requester, invitee, refusal } = await orNotFound(checkMeetingJoin(actor.userId, meetingIdSchema.parse(id), now));
  const t = await getTranslations("meetings");
  const other = meeting.requesterId === actor.userId ? invitee : requester;
  const otherName = other ? (locale === "en" && other.nameLatin ? other.nameLatin : other.name) : "—";
  const title = t("room.title", { name: otherName });
  const backHref = `/events/${meeting.event.slug}/meetings`;
  if (!refusal && me) {
    return (
      <AllMessages>
        <RoomShell>
          <MeetingRoomLoader
            meetingId={meeting.id}
            title={title}
            backHref={backHref}
            viewer={{ name: me.name, nameLatin: me.nameLatin }}
            startsAt={meeting.startsAt.getTime()}
            endsAt={meeting.endsAt.getTime()}
            renderedAt={now.getTime()}
          />
        </RoomShell>
      </AllMessages>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{refusal === "notYourMeeting" ? t("title") : title}</h1>
      <div role="alert" className="space-y-2 rounded border border-slate-300 bg-slate-50 p-4" data-testid="room-refused" data-reason={refusal}>
        <p className="font-semibold">{t(`errors.${refusal ?? "unknown"}`)}</p>
        <Link href={backHref} className="text-sky-900 underline">
          {t("room.back")}
        </Link>
      </div>
    </div>
  );
}
