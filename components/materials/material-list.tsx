// The "Materials" section of a session page: what this viewer may download, in their language.
import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/ui/page-section";
import { getActor } from "@/lib/auth/current";
import { getVisibleMaterials } from "@/lib/materials/data";
import { formatBytes, typeLabel } from "@/lib/materials/format";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export async function MaterialList({ sessionId, locale }: { sessionId: string; locale: Locale }) {
  const t = await getTranslations("materials");
  const actor = await getActor();
  const { materials, organizes, eventSlug, forParticipants } = await getVisibleMaterials(actor, sessionId);
  const here = `/${locale}/sessions/${sessionId}`;
  return (
    <PageSection id="materials" title={t("title")}>
      {forParticipants > 0 && (
        <p className="mt-2" data-testid="materials-restricted">
          {actor ? (
            t("restrictedApproved", { count: forParticipants })
          ) : (
            <>
              {t("restrictedSignIn", { count: forParticipants })}{" "}
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="text-sky-900 underline">
                {t("signIn")}
              </Link>
            </>
          )}
        </p>
      )}
      {materials.length === 0 ? (
        forParticipants === 0 && <p className="mt-2">{t("noneVisible")}</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="materials">
          {materials.map((m) => {
            const title = pickText(m.title, locale);
            const size = formatBytes(m.sizeBytes, locale);
            const type = typeLabel(m.fileName);
            return (
              <li key={m.id} className="flex flex-wrap items-baseline gap-x-3" data-testid="material">
                <a href={`/api/materials/${m.id}`} download className="text-sky-900 underline" aria-label={t("downloadLabel", { title, type, size })}>
                  {title}
                </a>
                <span className="text-sm text-slate-700">
                  {type}, {size}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {organizes && (
        <p className="mt-2 print:hidden">
          <Link href={`/organizer/events/${eventSlug}/sessions/${sessionId}/materials`} className="text-sky-900 underline">
            {t("manage")}
          </Link>
        </p>
      )}
    </PageSection>
  );
}
