import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, type MessageArea } from "./client-namespaces";

type Messages = Record<string, unknown>;

/**
 * The part of the catalogue under these namespaces ("a" or "a.b.c"), nested as in the catalogue.
 * A namespace missing from the catalogue is left out (useTranslations reports it in the browser).
 */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  const out: Messages = {};
  for (const ns of namespaces) {
    const keys = ns.split(".");
    let value: unknown = messages;
    for (const k of keys) value = (value as Messages | undefined)?.[k];
    if (value === undefined) continue;
    let target = out;
    for (const k of keys.slice(0, -1)) target = (target[k] ??= {}) as Messages;
    target[keys.at(-1)!] = value;
  }
  return out;
}

/**
 * Hands the client components of one area (a route directory) the messages they ask for, and no
 * others: the catalogue is about 80 KB, and every page used to carry all of it in its payload.
 * The namespaces come from src/i18n/client-namespaces.ts, generated from the code.
 */
export async function AreaMessages({
  area,
  children,
}: {
  area: MessageArea;
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, CLIENT_NAMESPACES[area])}>
      {children}
    </NextIntlClientProvider>
  );
}
