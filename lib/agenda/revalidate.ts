// After a change to what the public agenda shows (publish, unpublish, a session started or ended),
// Next's cached agenda pages and JSON of the event are rendered again on their next request on
// this instance; other instances render theirs within their 10 s.
import "server-only";
import { revalidatePath } from "next/cache";
import { locales } from "@/lib/i18n/routing";

export function revalidatePublicAgenda(slug: string) {
  for (const locale of locales) revalidatePath(`/${locale}/events/${slug}/agenda`);
  revalidatePath(`/api/events/${slug}/agenda`);
}
