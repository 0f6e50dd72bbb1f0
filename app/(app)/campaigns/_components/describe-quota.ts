import { formatDecimal } from "@/lib/number-format";
import type { Metric, Period, PartTarget, QuotaInput, Subject, Target } from "@/rules";

/**
 * Quotas in words for tables and headings. A neutral module (no "use client"), so server pages
 * and client forms can both call it with their translators.
 */

/** A translator bound to a namespace, as both useTranslations and getTranslations return. */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

const DEFAULT_UNITS: Record<Metric, string> = {
  count: "times",
  sumHours: "hours",
  sumDays: "days",
  distinctKinds: "kinds",
};

function label(t: Translate, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

export function activityTypeLabel(t: Translate, code: string): string {
  return label(t, `activityType.${code}`, code);
}

export function subTypeLabel(t: Translate, code: string): string {
  return label(t, `subType.${code}`, code);
}

export function unitLabel(
  t: Translate,
  unit: string | undefined,
  metric: Metric | undefined,
): string {
  const code = unit ?? (metric ? DEFAULT_UNITS[metric] : "times");
  return label(t, `unit.${code}`, code);
}

/** 1,234.5 — at most two decimals, as hours and pro-rated targets need. */
export function formatAmount(value: number, locale: string): string {
  return formatDecimal(value, locale, 2);
}

export function periodText(
  t: Translate,
  period: Period,
  phases: ReadonlyArray<{ id: string; name: string }>,
): string {
  switch (period.kind) {
    case "nMonths":
      return t("periodText.nMonths", { months: period.months });
    case "nYears":
      return period.years === 1
        ? t("periodText.campaignYear")
        : t("periodText.nYears", { years: period.years });
    case "phase":
      return t("periodText.phase", {
        phase: phases.find((p) => p.id === period.phaseId)?.name ?? period.phaseId,
      });
    default:
      return label(t, `periodKind.${period.kind}`, period.kind);
  }
}

/** "党支部、二级党委/党总支（教工）" or "校级领导 或 院级领导". `common` is the common namespace. */
export function subjectText(t: Translate, common: Translate, subject: Subject): string {
  const join = (items: string[]) => items.join("、");
  if (subject.kind === "organization") {
    const levels = subject.levels?.length
      ? join(subject.levels.map((l) => label(common, `orgLevel.${l}`, l)))
      : t("subject.allOrganizations");
    const kinds = subject.orgKinds?.length
      ? t("subject.orgKinds", {
          kinds: join(subject.orgKinds.map((k) => label(common, `orgKind.${k}`, k))),
        })
      : "";
    return levels + kinds;
  }
  const parts = [
    subject.categories?.length
      ? join(subject.categories.map((c) => label(common, `memberCategory.${c}`, c)))
      : null,
    subject.cadreLevels?.length
      ? join(subject.cadreLevels.map((c) => label(common, `cadreLevel.${c}`, c)))
      : null,
    subject.positions?.length
      ? join(subject.positions.map((p) => label(common, `positions.${p}`, p)))
      : null,
    subject.statuses?.length
      ? join(subject.statuses.map((s) => label(common, `memberStatus.${s}`, s)))
      : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return t("subject.allMembers");
  return parts.join(` ${t(subject.match === "any" ? "subject.or" : "subject.and")} `);
}

export function targetText(
  t: Translate,
  target: Target | PartTarget,
  unit: string | undefined,
  metric: Metric | undefined,
  locale: string,
): string {
  const u = unitLabel(t, unit, metric);
  const n = (v: number) => formatAmount(v, locale);
  switch (target.op) {
    case "atLeast":
      return t("targetText.atLeast", { value: n(target.value), unit: u });
    case "between":
      return t("targetText.between", { min: n(target.min), max: n(target.max), unit: u });
    case "shareOfSubjects":
      return t("targetText.shareOfSubjects", {
        share: n(target.share * 100),
        value: n(target.inner.value),
        unit: u,
      });
  }
}

/** The target of a quota, composite or not, with "pro-rated" when it applies. */
export function quotaTargetText(t: Translate, quota: QuotaInput, locale: string): string {
  const base = quota.composite
    ? t("targetText.composite", { count: quota.composite.parts.length })
    : quota.target
      ? targetText(t, quota.target, quota.unit, quota.metric, locale)
      : "—";
  return quota.options?.proRate ? base + t("targetText.proRated") : base;
}

/** "集中学习、主题党日（+志愿服务）· 次数" — what a simple quota counts. */
export function measureText(t: Translate, quota: Pick<QuotaInput, "metric" | "activity">): string {
  if (!quota.activity || !quota.metric) return "";
  const types = quota.activity.types.map((c) => activityTypeLabel(t, c)).join("、");
  const subs = quota.activity.subTypes?.length
    ? `（${quota.activity.subTypes.map((s) => subTypeLabel(t, s)).join("、")}）`
    : "";
  return `${types}${subs} · ${label(t, `metric.${quota.metric}`, quota.metric)}`;
}
