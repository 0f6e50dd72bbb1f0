/** Most organizations the filter lists one by one; a larger tree lists the levels above its branches. */
const MAX_FILTER_ORGS = 150;

/**
 * The organizations the filter offers. A university of a thousand branches would put a thousand
 * check boxes (a megabyte of HTML) on every list page (activity list, roster); there the filter offers the school and its
 * colleges (each includes its subtree) and whatever is chosen already.
 */
export function filterOrgs<T extends { id: string; level: string }>(
  orgs: T[],
  chosen: string[],
): T[] {
  if (orgs.length <= MAX_FILTER_ORGS) return orgs;
  const keep = new Set(chosen);
  return orgs.filter((o) => (o.level !== "BRANCH" && o.level !== "GROUP") || keep.has(o.id));
}
