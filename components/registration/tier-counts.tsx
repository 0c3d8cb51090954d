// The two tiers' counts side by side: participants' places (the capacity) and the audience's
// (its own limit, or none), each with its waitlist.
import { getTranslations } from "next-intl/server";
import type { TierCounts } from "@/lib/registration/seats";

export async function TierCounts({ counts, capacity, audienceCapacity }: { counts: TierCounts; capacity: number; audienceCapacity: number | null }) {
  const t = await getTranslations("desk");
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1" data-testid="tier-counts">
      <li data-testid="seats-line">
        {t("seats", { taken: counts.seatsTaken, capacity })} · {t("seatsWaitlisted", { count: counts.seatsWaitlisted })}
      </li>
      <li data-testid="audience-line" data-taken={counts.audienceTaken} data-waitlisted={counts.audienceWaitlisted}>
        {audienceCapacity === null ? t("audienceUnlimited", { taken: counts.audienceTaken }) : t("audiencePlaces", { taken: counts.audienceTaken, limit: audienceCapacity })} ·{" "}
        {t("audienceWaitlisted", { count: counts.audienceWaitlisted })}
      </li>
    </ul>
  );
}
