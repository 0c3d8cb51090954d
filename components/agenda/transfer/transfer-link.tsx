// The agenda editor's link to the spreadsheet import/export page.
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function TransferLink({ slug, className }: { slug: string; className: string }) {
  const t = await getTranslations("transfer");
  return (
    <Link href={`/organizer/events/${slug}/agenda/transfer`} className={className}>
      {t("link")}
    </Link>
  );
}
