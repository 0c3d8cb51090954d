// A session's materials: the list with its controls, and the upload form.
import { getTranslations } from "next-intl/server";
import { OrganizerMaterialList } from "@/components/materials/organizer-material-list";
import { UploadForm } from "@/components/materials/upload-form";
import { orNotFound, pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getOrganizerMaterials } from "@/lib/materials/data";
import { allowedExtensions, MAX_MATERIAL_BYTES } from "@/lib/materials/file-types";

export const dynamic = "force-dynamic";

export default async function SessionMaterialsPage({ params }: { params: Promise<{ locale: string; slug: string; id: string }> }) {
  const locale = await pageLocale(params);
  const { slug, id } = await params;
  const t = await getTranslations("materials");
  const access = await requireOrganizerPage(locale, slug, `/sessions/${id}/materials`);
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const data = await orNotFound(getOrganizerMaterials(access, id));
  return (
    <section className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold">{t("pageTitle", { session: pickText(data.session.title, locale) })}</h1>
        <Link href={`/sessions/${id}`} className="text-sky-900 underline">
          {t("viewSession")}
        </Link>
      </header>
      <OrganizerMaterialList materials={data.materials} locale={locale} timeZone={data.session.event.timeZone} />
      <UploadForm sessionId={id} locale={locale} maxMegabytes={MAX_MATERIAL_BYTES / 1024 / 1024} accept={allowedExtensions.map((e) => `.${e}`).join(",")} />
    </section>
  );
}
