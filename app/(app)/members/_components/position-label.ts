/** A translator bound to a namespace, as both useTranslations and getTranslations return. */
type Translate = ((key: string) => string) & { has: (key: string) => boolean };

/**
 * The label of a position code: `common.positions`, else this area's fallback labels, else the
 * code itself — Member.positions is an open list, so a code may have no label yet. Neutral
 * module (no "use client") so server pages and client forms can both call it.
 */
export function positionLabel(code: string, common: Translate, members: Translate): string {
  if (common.has(`positions.${code}`)) return common(`positions.${code}`);
  if (members.has(`positionFallback.${code}`)) return members(`positionFallback.${code}`);
  return code;
}
