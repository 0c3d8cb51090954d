// /{locale}/events/{slug}/agenda — the whole published agenda, the same for every visitor, so it
// is served from Next's cache and rendered again at most every 10 s (and at once on this instance
// when the agenda is published). Live statuses reach open pages by the live stream; a query
// string with filters is answered by ./filtered (next.config.js).
import type { Metadata } from "next";
import { AgendaView, agendaTitle } from "@/components/agenda/agenda-view";
import { pageLocale } from "@/lib/http/page";

export const revalidate = 10;

// None at build time (the build has no database): each event's agenda is rendered on its first
// visit and kept from then on. Without this, a page under a dynamic segment is never cached.
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: await agendaTitle((await params).slug, locale) };
}

export default async function AgendaPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  return <AgendaView slug={slug} locale={locale} filters={{}} />;
}
