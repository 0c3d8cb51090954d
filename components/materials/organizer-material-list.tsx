// An organizer's list of a session's materials: what each is, who may download it, and the
// controls to change or delete it. Cards rather than a table, so it reads on a phone.
import { getTranslations } from "next-intl/server";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteMaterialAction, updateMaterialAction } from "@/lib/materials/actions";
import type { MaterialView } from "@/lib/materials/data";
import { formatBytes, formatUploadedAt, typeLabel } from "@/lib/materials/format";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { MaterialEditForm } from "./material-edit-form";

export async function OrganizerMaterialList({ materials, locale, timeZone }: { materials: MaterialView[]; locale: Locale; timeZone: string }) {
  const t = await getTranslations("materials");
  if (!materials.length) return <p>{t("none")}</p>;
  return (
    <ul className="space-y-3" aria-label={t("listLabel")} data-testid="organizer-materials">
      {materials.map((m) => {
        const title = pickText(m.title, locale);
        return (
          <li key={m.id} className="rounded border border-slate-300 p-3" data-testid="organizer-material">
            <p className="font-medium">
              <a href={`/api/materials/${m.id}`} className="text-sky-900 underline">
                {title}
              </a>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
              <dt>{t("columns.file")}</dt>
              <dd className="break-all">{m.fileName}</dd>
              <dt>{t("columns.size")}</dt>
              <dd>{formatBytes(m.sizeBytes, locale)}</dd>
              <dt>{t("columns.type")}</dt>
              <dd>{typeLabel(m.fileName)}</dd>
              <dt>{t("columns.visibility")}</dt>
              <dd data-testid="material-visibility">{t(`visibility.${m.visibility}`)}</dd>
              <dt>{t("columns.uploaded")}</dt>
              <dd>{formatUploadedAt(m.createdAt, timeZone, locale)}</dd>
            </dl>
            <details className="mt-2">
              <summary className="cursor-pointer text-sky-900 underline">{t("edit.open", { name: m.fileName })}</summary>
              <MaterialEditForm id={m.id} action={updateMaterialAction.bind(null, m.id)} title={m.title} visibility={m.visibility} />
            </details>
            <form action={deleteMaterialAction.bind(null, m.id)} className="mt-2">
              <ConfirmButton
                message={t("edit.confirmDelete", { name: m.fileName })}
                className="rounded border border-red-700 px-3 py-1.5 text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
              >
                <span aria-hidden="true">{t("edit.delete")}</span>
                <span className="sr-only">{t("edit.deleteLabel", { name: m.fileName })}</span>
              </ConfirmButton>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
