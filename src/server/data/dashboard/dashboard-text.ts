import { formatDecimal } from "@/lib/number-format";
import type { DashboardQuotaInfo, SubjectRow } from "./dashboard-view";

/**
 * Dashboard figures in words, for the pages and the exported files alike. Pure: the caller
 * passes translators of the "dashboard", "campaigns" and "common" message areas (next-intl's
 * getTranslations or createTranslator), so a page and its export say the same thing.
 */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

export type DashboardText = { t: Translate; tc: Translate; common: Translate; locale: string };

export function formatAmount(value: number, locale: string): string {
  return formatDecimal(value, locale, 2);
}

/** 83.3 for 0.8333: a share as a number of percent with one decimal; null stays null. */
export function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** "83.3%" or "—". */
export function percentText(share: number | null, locale: string): string {
  const p = percent(share);
  return p === null ? "—" : `${formatDecimal(p, locale, 1)}%`;
}

export function unitText(text: DashboardText, unit: string | null | undefined): string {
  const code = unit || "times";
  return text.tc.has(`unit.${code}`) ? text.tc(`unit.${code}`) : code;
}

export function quotaName(
  quota: Pick<DashboardQuotaInfo, "name" | "nameEn">,
  locale: string,
): string {
  return locale === "en" && quota.nameEn ? quota.nameEn : quota.name;
}

export function orgName(org: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === "en" && org.nameEn ? org.nameEn : org.name;
}

export function statusText(text: DashboardText, status: string): string {
  return text.tc.has(`resultStatus.${status}`) ? text.tc(`resultStatus.${status}`) : status;
}

export function activityTypeText(text: DashboardText, type: string): string {
  return text.tc.has(`activityType.${type}`) ? text.tc(`activityType.${type}`) : type;
}

/** "≥ 10 次" or "1–2 项": the target of one result. */
export function targetText(
  text: DashboardText,
  row: Pick<SubjectRow, "targetValue" | "targetMax" | "unit" | "parts">,
): string {
  const n = (v: number) => formatAmount(v, text.locale);
  if (row.parts) return text.t("reason.partsTarget", { total: row.parts.total });
  const unit = unitText(text, row.unit);
  return row.targetMax !== null
    ? `${n(row.targetValue)}–${n(row.targetMax)} ${unit}`
    : `${n(row.targetValue)} ${unit}`;
}

/** "6 次" or "3/5 项": what a subject has achieved. */
export function achievedText(
  text: DashboardText,
  row: Pick<SubjectRow, "achieved" | "unit" | "parts">,
): string {
  if (row.parts)
    return text.t("reason.partsAchieved", { met: row.parts.met, total: row.parts.total });
  return `${formatAmount(row.achieved, text.locale)} ${unitText(text, row.unit)}`;
}

/**
 * Why a subject stands where it does, in words: "完成 6/10 次，落后进度 2 次" (6 of 10
 * sessions, 2 behind pace); after the window: "周期已结束，完成 6/10 次，差 4 次".
 */
export function reasonText(text: DashboardText, row: SubjectRow): string {
  const n = (v: number) => formatAmount(v, text.locale);
  if (row.status === "notApplicable") return text.t("reason.notCovered");
  if (row.parts) {
    const values = { met: row.parts.met, total: row.parts.total, gap: n(row.gap) };
    if (row.status === "met") return text.t("reason.compositeMet", values);
    return row.final ? text.t("reason.compositeFinal", values) : text.t("reason.composite", values);
  }
  const unit = unitText(text, row.unit);
  const values = {
    achieved: n(row.achieved),
    target: n(row.targetValue),
    gap: n(row.gap),
    unit,
    expected: n(Math.floor(row.expectedByNow + 1e-9)),
  };
  if (row.reason === "aboveMax")
    return text.t("reason.aboveMax", { ...values, max: n(row.targetMax ?? row.targetValue) });
  if (row.status === "met") return text.t("reason.met", values);
  if (row.final) return text.t("reason.final", values);
  if (row.status === "onTrack") return text.t("reason.onTrack", values);
  return text.t("reason.behindPace", values);
}
