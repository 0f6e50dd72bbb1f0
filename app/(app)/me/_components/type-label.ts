/** A translator bound to a namespace, as both useTranslations and getTranslations return. */
type Translate = ((key: string) => string) & { has: (key: string) => boolean };

/**
 * An activity type's name: the member pages' own wording for the kinds a member reports, else the
 * campaigns' catalogue (records of other kinds appear too, e.g. from imported or seeded data).
 */
export function typeLabel(me: Translate, campaigns: Translate, code: string): string {
  if (me.has(`types.${code}`)) return me(`types.${code}`);
  return campaigns.has(`activityType.${code}`) ? campaigns(`activityType.${code}`) : code;
}

export function subTypeLabel(me: Translate, campaigns: Translate, code: string): string {
  if (me.has(`subTypes.${code}`)) return me(`subTypes.${code}`);
  return campaigns.has(`subType.${code}`) ? campaigns(`subType.${code}`) : code;
}
