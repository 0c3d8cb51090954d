// The whole message catalogue for the client components below it: the organizer console, the
// live room and the Egress pages (the locale layout gives the rest of the site a part of it).
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

export function AllMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
