import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import type { DashboardText, Translate } from "./dashboard-text";

/**
 * Translators of the dashboard, campaigns and common message areas for `locale`, outside a
 * page (route handlers, tests): the same messages the pages use.
 */
export async function dashboardText(locale: Locale): Promise<DashboardText> {
  const messages = await loadMessages(locale);
  const make = (namespace: string) =>
    createTranslator({
      locale,
      messages: messages as never,
      namespace: namespace as never,
    }) as unknown as Translate;
  return { t: make("dashboard"), tc: make("campaigns"), common: make("common"), locale };
}
