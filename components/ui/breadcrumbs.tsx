// The trail from the event down to the current page.
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Link } from "@/lib/i18n/navigation";

export async function Breadcrumbs({ items }: { items: { href: string; label: string }[] }) {
  const t = await getTranslations("common");
  return (
    <nav aria-label={t("breadcrumbs")} className="text-sm">
      {items.map((item, i) => (
        <Fragment key={item.href}>
          {i > 0 && " › "}
          <Link href={item.href} className="text-sky-900 underline">
            {item.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}
