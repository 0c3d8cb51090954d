// The messages a page's client components need beyond the locale layout's public list
// (lib/i18n/client-messages.ts): the page names the sets it adds, e.g. <PageMessages add={["forms"]}>.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientNamespaces, pickNamespaces, type PageNamespaces } from "@/lib/i18n/client-messages";

export async function PageMessages({ add, children }: { add: readonly PageNamespaces[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickNamespaces(await getMessages(), clientNamespaces(add))}>{children}</NextIntlClientProvider>;
}
