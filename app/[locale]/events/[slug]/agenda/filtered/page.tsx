// /{locale}/events/{slug}/agenda?day=…&forum=…&lang=…&now=… — the agenda for one query string,
// rendered per request. next.config.js rewrites the agenda URL here when it has a filter, so the
// public address stays /agenda with its query (DESIGN.md's contract).
import type { Metadata } from "next";
import { AgendaView, agendaTitle } from "@/components/agenda/agenda-view";
import { agendaFiltersSchema, firstValues } from "@/lib/agenda/schema";
import { pageLocale } from "@/lib/http/page";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: await agendaTitle((await params).slug, locale) };
}

export default async function FilteredAgendaPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const filters = agendaFiltersSchema.parse(firstValues(await searchParams));
  return <AgendaView slug={slug} locale={locale} filters={filters} />;
}
