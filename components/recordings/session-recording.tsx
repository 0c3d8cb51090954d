// The "Recording" section of a session page: the published recording that covers this session,
// opened at the session's chapter (or at ?t=), when this viewer may watch it; nothing otherwise.
import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/ui/page-section";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { RecordingAvailability } from "@/lib/recordings/availability";
import { Player } from "./player";
import { toPlayerRecording } from "./player-data";

export async function SessionRecording({ availability, locale, startMs }: { availability: RecordingAvailability; locale: Locale; startMs: number | null }) {
  if (availability.kind !== "watch") return null;
  const t = await getTranslations("player");
  const { recording, offsetMs } = availability.found;
  const start = startMs ?? offsetMs;
  const page = `/events/${recording.eventSlug}/recordings/${recording.id}`;
  return (
    <PageSection id="recording" title={t("sectionTitle")}>
      <div className="mt-2 space-y-2" data-testid="session-recording" data-recording-id={recording.id}>
        {/* A new start (another session, a ?t= link) opens a fresh player rather than moving this one. */}
        <Player key={`${recording.id}:${start}`} recording={toPlayerRecording(recording, locale)} startMs={start} />
        <p>
          <Link href={`${page}?t=${Math.floor(start / 1000)}`} className="text-sky-900 underline" data-testid="full-recording">
            {t("fullRecording")}
          </Link>
        </p>
      </div>
    </PageSection>
  );
}
