import { format as formatDate } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { enUS, zhCN } from "date-fns/locale";
import type { Locale } from "@/i18n/config";
import { formatDecimal } from "./number-format";

export const TIME_ZONE = "Asia/Shanghai";

const dateLocales = { "zh-CN": zhCN, en: enUS } as const;

/**
 * A Date whose local fields (getFullYear … getMinutes) are the wall clock of `instant` in
 * `timeZone`, for date-fns's `format`, which reads local fields. It replaces a TZDate per
 * formatted value: a list page formats a few dozen dates, and TZDate's construction was about
 * 3 ms of each such page (docs/performance.md, "Fifth round").
 */
function wallClock(instant: number, timeZone: "UTC" | typeof TIME_ZONE): Date {
  let y: number, mo: number, d: number, h: number, mi: number;
  if (timeZone === "UTC") {
    const u = new Date(instant);
    [y, mo, d, h, mi] = [
      u.getUTCFullYear(),
      u.getUTCMonth(),
      u.getUTCDate(),
      u.getUTCHours(),
      u.getUTCMinutes(),
    ];
  } else {
    const parts: Record<string, number> = {};
    for (const p of shanghaiParts.formatToParts(instant))
      if (p.type !== "literal") parts[p.type] = Number(p.value);
    [y, mo, d, h, mi] = [parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!];
  }
  const local = new Date(y, mo, d, h, mi);
  // A wall time the server's own zone skips (a daylight-saving gap) cannot be a local Date.
  if (local.getDate() !== d || local.getHours() !== h || local.getMinutes() !== mi)
    return new TZDate(instant, timeZone);
  return local;
}

const shanghaiParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** A calendar date (stored as a DATE column, i.e. midnight UTC) in the user's language. */
export function formatDay(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const pattern = locale === "zh-CN" ? "yyyy年M月d日" : "d MMM yyyy";
  return formatDate(wallClock(d.getTime(), "UTC"), pattern, { locale: dateLocales[locale] });
}

/** An instant in Shanghai time. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  const pattern = locale === "zh-CN" ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm";
  return formatDate(wallClock(d.getTime(), TIME_ZONE), pattern, { locale: dateLocales[locale] });
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
  return formatDate(wallClock(now.getTime(), TIME_ZONE), "yyyy-MM-dd");
}
