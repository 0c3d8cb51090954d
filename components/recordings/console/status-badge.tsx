// A recording's state in words and colour (never colour alone); a file gone from storage shows
// as broken whatever the row's state says.
import { useTranslations } from "next-intl";
import type { RecordingView } from "@/lib/recordings/data";

const tones = {
  starting: "border-amber-500 bg-amber-50 text-amber-950",
  recording: "border-red-800 bg-red-700 text-white",
  processing: "border-sky-500 bg-sky-50 text-sky-950",
  ready: "border-green-700 bg-green-50 text-green-900",
  failed: "border-red-700 bg-red-50 text-red-900",
  missing: "border-dashed border-red-700 bg-red-50 text-red-900",
};

export function RecordingStatusBadge({ status, missing = false }: { status: RecordingView["status"]; missing?: boolean }) {
  const t = useTranslations("recordings.status");
  const key = missing ? "missing" : status;
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-semibold ${tones[key]}`} data-testid="recording-status" data-status={key}>
      {key === "recording" && <span aria-hidden>●</span>}
      {t(key)}
    </span>
  );
}
