"use client";
// The header's account links. The person is asked for by the browser (GET /api/me/account), not
// while the page renders, so a page is the same for every visitor and may be served from cache.
// Until the answer comes, the place is held by an invisible "Sign in" link of the same size. The
// layout stays mounted across client navigations, so it asks again after each one: signing in
// or out ends in one (a server action's redirect).
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { AccountSummary } from "@/lib/account/account";
import { signOutAction } from "@/lib/account/actions";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { NameText } from "./lang-text";

const navLink = "rounded px-2 py-1 text-sky-900 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700";

type State = { loaded: false } | { loaded: true; user: AccountSummary["user"] };

export function AccountMenu({ locale }: { locale: Locale }) {
  const t = useTranslations("common");
  const [state, setState] = useState<State>({ loaded: false });
  const pathname = usePathname();
  useEffect(() => {
    const abort = new AbortController();
    fetch("/api/me/account", { cache: "no-store", signal: abort.signal })
      .then((res) => (res.ok ? (res.json() as Promise<AccountSummary>) : { user: null }))
      // Unreachable (the database is down): offer sign-in, as to anyone not signed in.
      .catch(() => ({ user: null }))
      .then((summary) => {
        if (!abort.signal.aborted) setState({ loaded: true, user: summary.user });
      });
    return () => abort.abort();
  }, [pathname]);

  if (!state.loaded) {
    return (
      <>
        <span className={`${navLink} invisible`} aria-hidden="true" data-testid="account-loading">
          {t("signIn")}
        </span>
        <noscript>
          <a href={`/${locale}/sign-in`} className={navLink}>
            {t("signIn")}
          </a>
        </noscript>
      </>
    );
  }
  const { user } = state;
  if (!user) {
    return (
      <Link href="/sign-in" className={navLink}>
        {t("signIn")}
      </Link>
    );
  }
  return (
    <>
      <span className="px-2 text-slate-700" data-testid="signed-in-as">
        {user.name ? <NameText name={user.name} locale={locale} /> : user.email}
      </span>
      <Link href="/me" className={navLink}>
        {t("myConference")}
      </Link>
      {user.organizer && (
        <Link href="/organizer" className={navLink}>
          {t("organizer")}
        </Link>
      )}
      {/* Signing out on the page it returns to (the home page) is no navigation: forget at once. */}
      <form action={signOutAction.bind(null, locale)} onSubmit={() => setState({ loaded: true, user: null })}>
        <button type="submit" className={navLink}>
          {t("signOut")}
        </button>
      </form>
    </>
  );
}
