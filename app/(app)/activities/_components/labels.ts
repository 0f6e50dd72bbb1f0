/** A translate function of the "activities" namespace, as both next-intl flavours provide it. */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

/** "支部党员大会", "主题党日+志愿服务", "结对帮扶（新生宿舍）"; unknown codes are shown as they are. */
export function activityTypeLabel(t: Translate, type: string, subType?: string | null): string {
  const base = t.has(`type.${type}`) ? t(`type.${type}`) : type;
  if (!subType) return base;
  const sub = t.has(`subType.${subType}`) ? t(`subType.${subType}`) : subType;
  return sub.startsWith("+") ? `${base}${sub}` : `${base}（${sub}）`;
}

/** The status a reader should see: voided wins over the review status. */
export function displayStatus(status: string, voidedAt: Date | string | null): string {
  return voidedAt ? "VOIDED" : status;
}

export function orgLabel(org: { name: string; nameEn: string | null }, locale: string): string {
  return locale === "en" && org.nameEn ? org.nameEn : org.name;
}

/** "1.5" rather than "1.50"; hours are stored with two decimals. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
