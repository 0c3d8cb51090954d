// Helpers for server pages: the validated locale, and NOT_FOUND → the localized 404 page.
import "server-only";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer, type Actor, type OrganizerAccess } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { routing, type Locale } from "@/lib/i18n/routing";

export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/** The signed-in person, or a redirect to the sign-in page that comes back to `path`. */
export async function requirePageActor(locale: Locale, path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
  return actor;
}

/** Runs an organizer read: NOT_FOUND → 404, FORBIDDEN → null (the page says so). */
async function orForbidden<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await orNotFound(promise);
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return null;
    throw err;
  }
}

/** The one check of every organizer page: signed in (else the sign-in page), an organizer of
 * `slug` (else null: the console's layout says so), the event there (else 404). */
export async function requireOrganizerPage(locale: Locale, slug: string, path: string): Promise<OrganizerAccess | null> {
  const actor = await requirePageActor(locale, `/organizer/events/${slug}${path}`);
  return orForbidden(requireOrganizer(actor, slug));
}
