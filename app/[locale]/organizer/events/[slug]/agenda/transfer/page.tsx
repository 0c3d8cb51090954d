// The agenda as a spreadsheet: export the draft (CSV / XLSX), check and import a file back.
import { getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/agenda/transfer/export-form";
import { FormatHelp } from "@/components/agenda/transfer/format-help";
import { ImportForm } from "@/components/agenda/transfer/import-form";
import { getEventZone } from "@/lib/agenda/transfer/data";
import { MAX_FILE_BYTES } from "@/lib/agenda/transfer/workbook";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export default async function AgendaTransferPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  // The layout explains a refusal; the page then renders nothing.
  const access = await requireOrganizerPage(locale, slug, "/agenda/transfer");
  if (!access) return null;
  const t = await getTranslations("transfer");
  const zone = await getEventZone(access);

  return (
    <section className="space-y-6">
      <Link href={`/organizer/events/${slug}/agenda`} className="text-sm text-sky-900 underline">
        {t("backToEditor")}
      </Link>
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      <ExportForm slug={slug} locale={locale} zone={zone} />
      <ImportForm slug={slug} zone={zone} maxMb={MAX_FILE_BYTES / 1024 / 1024} />
      <FormatHelp />
    </section>
  );
}
