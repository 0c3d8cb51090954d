// Editing the event's own details (a draft like the agenda: public after publishing).
import { getTranslations } from "next-intl/server";
import { EventForm } from "@/components/agenda/editor/event-form";
import { History } from "@/components/agenda/editor/history";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { updateEventAction } from "@/lib/agenda/editor/actions";
import { getHistory } from "@/lib/agenda/editor/data";
import { getEventInput } from "@/lib/agenda/editor/event";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";

export const dynamic = "force-dynamic";

export default async function EditEventPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const access = await requireOrganizerPage(locale, slug, "/event");
  if (!access) return null;
  const t = await getTranslations("editor");
  const [input, history] = await Promise.all([getEventInput(access), getHistory("event", access.eventId)]);
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/organizer/events/${slug}/agenda`, label: t("agendaTitle") }]} />
      <h1 className="text-3xl font-semibold">{t("eventTitle")}</h1>
      <p className="text-slate-700">{t("eventDraftHint")}</p>
      <EventForm initial={input} save={updateEventAction.bind(null, slug)} />
      <History entries={history} zone={input.timeZone} locale={locale} />
    </section>
  );
}
