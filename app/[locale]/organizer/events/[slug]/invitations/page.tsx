// Invitations: import a CSV, see who was invited and who accepted.
import { getTranslations } from "next-intl/server";
import { InvitationUpload } from "@/components/registration/invitation-upload";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { listInvitations } from "@/lib/registration/invitations";
import { zoneCity } from "@/lib/time/zone-names";
import { formatClock, formatShortDate } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function InvitationsPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("invitations");
  const tr = await getTranslations("roles");
  const tl = await getTranslations("languages");
  const access = await requireOrganizerPage(locale, slug, "/invitations");
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const listed = await listInvitations(access);
  const { invitations, defaultLanguage, timeZone } = listed;
  const until = (d: Date) => `${formatShortDate(d, timeZone, locale)} ${formatClock(d, timeZone)} (${zoneCity(timeZone, locale)})`;
  const now = new Date();
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <InvitationUpload slug={slug} defaultLanguage={tl(defaultLanguage)} />
      <h2 className="text-xl font-semibold">{t("sent")}</h2>
      {invitations.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm break-keep [&_th]:whitespace-nowrap" data-testid="invitations-table">
            <thead>
              <tr className="border-b-2 border-slate-300 text-left">
                <th scope="col" className="p-2">
                  {t("name")}
                </th>
                <th scope="col" className="p-2">
                  {t("email")}
                </th>
                <th scope="col" className="p-2">
                  {t("role")}
                </th>
                <th scope="col" className="p-2">
                  {t("language")}
                </th>
                <th scope="col" className="p-2">
                  {t("state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} className="border-b border-slate-200">
                  <td className="p-2">{i.name}</td>
                  <td className="p-2">{i.email}</td>
                  <td className="p-2">{tr(i.role)}</td>
                  <td className="p-2">{tl(i.language)}</td>
                  <td className="p-2">{i.acceptedAt ? t("accepted") : i.expiresAt <= now ? t("expired") : t("pending", { until: until(i.expiresAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
