import { format as formatDate } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { enUS, zhCN } from "date-fns/locale";
import type { Locale } from "@/i18n/config";
import { formatDecimal } from "./number-format";

export const TIME_ZONE = "Asia/Shanghai";

const dateLocales = { "zh-CN": zhCN, en: enUS } as const;

/** A calendar date (stored as a DATE column, i.e. midnight UTC) in the user's language. */
export function formatDay(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const pattern = locale === "zh-CN" ? "yyyy年M月d日" : "d MMM yyyy";
  return formatDate(new TZDate(d.getTime(), "UTC"), pattern, { locale: dateLocales[locale] });
}

/** An instant in Shanghai time. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const pattern = locale === "zh-CN" ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm";
  return formatDate(new TZDate(d.getTime(), TIME_ZONE), pattern, { locale: dateLocales[locale] });
}

export function formatNumber(value: number, locale: Locale): string {
  return formatDecimal(value, locale);
}

/** "YYYY-MM-DD" of a DATE column, for <input type="date">. */
export function toDateInput(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

/** Today's date in Shanghai as "YYYY-MM-DD". */
export function todayInShanghai(now: Date = new Date()): string {
  return formatDate(new TZDate(now.getTime(), TIME_ZONE), "yyyy-MM-dd");
}
