"use client";
// "Happening now" on the event home and the agenda: the forums under way with their session on now,
// and for each the one step this visitor can take — Join for those the room lets in, else sign in,
// register, or why not. It follows the page's clock and the live statuses, so it appears and goes
// on an open page without a reload, and the cached agenda shows it to whoever loads it.
import { useLocale, useTranslations } from "next-intl";
import { useViewerZone } from "@/components/agenda/day-context";
import { useLiveStatuses, useNow } from "@/components/agenda/live/live-status-provider";
import { TimeSpan } from "@/components/agenda/time-span";
import type { NowForum } from "@/lib/event-state/now-forums";
import { forumRoom, happeningNow, joinAdvice } from "@/lib/event-state/state";
import { Link } from "@/lib/i18n/navigation";
import { useVisitor } from "./visitor";

const button = "inline-block rounded bg-red-800 px-3 py-1.5 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800";
const link = "text-sky-900 underline";

export function HappeningNow({ slug, forums, homeZone }: { slug: string; forums: NowForum[]; homeZone: string }) {
  const t = useTranslations("now");
  const locale = useLocale();
  const now = useNow();
  const statuses = useLiveStatuses();
  const { visitor } = useVisitor();
  const zone = useViewerZone() ?? homeZone;
  if (now === null) return null;
  const at = new Date(now);
  const dated = forums.map((f) => ({
    ...f,
    startsAt: new Date(f.startsAt),
    endsAt: new Date(f.endsAt),
    sessions: f.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
  }));
  const items = happeningNow(dated, at, statuses);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="happening-now" className="space-y-2 rounded border-2 border-red-700 p-3 print:hidden" data-testid="happening-now">
      <h2 id="happening-now" className="flex items-center gap-2 text-lg font-semibold text-red-800">
        <span aria-hidden className="inline-block size-2.5 rounded-full bg-red-700 motion-safe:animate-pulse" />
        {t("title")}
      </h2>
      <ul className="space-y-3">
        {items.map(({ forum, session }) => {
          // The room is the forum's stage: between sessions its next one is the way in.
          const target = session ?? forum.sessions.find((s) => s.endsAt > at) ?? forum.sessions[0];
          const advice = visitor && target ? joinAdvice(visitor, forumRoom(forum, visitor), at, visitor.registrationOpen) : null;
          return (
            <li key={forum.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2" data-testid="now-forum" data-forum={forum.slug} data-advice={advice ?? ""}>
              <div className="min-w-0">
                <Link href={`/events/${slug}/forums/${forum.slug}`} className="font-semibold text-sky-900 underline-offset-4 hover:underline">
                  {forum.title}
                </Link>
                <p className="text-sm text-slate-800">
                  {session ? (
                    <>
                      <Link href={`/sessions/${session.id}`} className={link}>
                        {session.title}
                      </Link>{" "}
                      <span className="whitespace-nowrap text-slate-700">
                        <TimeSpan start={session.startsAt} end={session.endsAt} zone={zone} reference={null} />
                      </span>
                    </>
                  ) : (
                    t("between")
                  )}
                </p>
              </div>
              {target && advice === "join" && (
                // A full page load: the room's Permissions-Policy (camera, microphone) is fixed when a document loads.
                <a href={`/${locale}/sessions/${target.id}/live`} className={button} aria-label={t("joinLabel", { title: target.title })} data-testid="now-join">
                  {t("join")}
                </a>
              )}
              {target && advice === "signIn" && (
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/sessions/${target.id}`)}`} className={link} data-testid="now-sign-in">
                  {t("signIn")}
                </Link>
              )}
              {advice === "register" && (
                <Link href={`/events/${slug}/register`} className={link} data-testid="now-register">
                  {t("register")}
                </Link>
              )}
              {advice === "watchOnly" && (
                <Link href={`/events/${slug}/forums/${forum.slug}/watch`} className={link} data-testid="now-watch">
                  {t("watch")}
                </Link>
              )}
              {advice && advice !== "join" && advice !== "signIn" && advice !== "register" && (
                <p className="text-sm text-slate-700" data-testid="now-reason">
                  {t(advice)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
