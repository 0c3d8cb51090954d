"use client";
// The stage: screen shares, speakers and whoever is speaking now, large; everyone else in a grid
// that pages, so a full forum does not shrink every face to a stamp.
import { useTranslations } from "next-intl";
import { usePagination, useSpeakingParticipants, useTracks, type TrackReferenceOrPlaceholder } from "@livekit/components-react";
import { Track } from "livekit-client";
import { isStageRole, readAttributes } from "./attributes";
import { ParticipantTile } from "./participant-tile";

const GRID_PAGE = 8;

function key(ref: TrackReferenceOrPlaceholder) {
  return `${ref.participant.identity}:${ref.source}`;
}

export function Stage() {
  const t = useTranslations("room.stage");
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const active = useSpeakingParticipants()[0]?.identity;
  const onStage = (ref: TrackReferenceOrPlaceholder) =>
    ref.source === Track.Source.ScreenShare || isStageRole(readAttributes(ref.participant.attributes).role) || ref.participant.identity === active;
  const stage = tracks.filter(onStage);
  const others = tracks.filter((ref) => !onStage(ref));
  const page = usePagination(GRID_PAGE, others);

  return (
    <section aria-label={t("label")} className="space-y-2" data-testid="stage">
      {stage.length > 0 ? (
        <ul className={`grid gap-2 ${stage.length > 1 ? "sm:grid-cols-2" : ""}`}>
          {stage.map((ref) => (
            <li key={key(ref)}>
              <ParticipantTile trackRef={ref} large />
            </li>
          ))}
        </ul>
      ) : (
        <p className="grid aspect-video place-items-center rounded bg-slate-800 text-slate-200">{t("empty")}</p>
      )}
      {others.length > 0 && (
        <section aria-label={t("grid")} className="space-y-2">
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4" data-testid="grid">
            {page.tracks.map((ref) => (
              <li key={key(ref)}>
                <ParticipantTile trackRef={ref} />
              </li>
            ))}
          </ul>
          {page.totalPageCount > 1 && (
            <div className="flex items-center justify-center gap-3 text-sm">
              <button type="button" onClick={page.prevPage} disabled={page.currentPage <= 1} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
                {t("previousPage")}
              </button>
              <span aria-live="polite">{t("page", { page: page.currentPage, pages: page.totalPageCount })}</span>
              <button type="button" onClick={page.nextPage} disabled={page.currentPage >= page.totalPageCount} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
                {t("nextPage")}
              </button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
