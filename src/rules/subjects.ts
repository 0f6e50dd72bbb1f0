import { parseDayNumber } from "./day-numbers";
import type {
  MemberInputLike,
  MemberSubject,
  OrganizationInputLike,
  OrganizationSubject,
} from "./types";

const OPEN_END = 2147483647;

/**
 * Days a subject counts, as sorted, disjoint half-open intervals [a0, b0, a1, b1, ...].
 * Organizations: [validFrom, validTo). Members: their memberships, from the day they joined the
 * party; a member without any membership row counts from joinedAt on.
 */
export type Coverage = number[];

export function findOrganizationCoverage(org: OrganizationInputLike): Coverage {
  const from = parseDayNumber(org.validFrom);
  const to = org.validTo ? parseDayNumber(org.validTo) : OPEN_END;
  return from < to ? [from, to] : [];
}

export function findMemberCoverage(member: MemberInputLike): Coverage {
  const joined = parseDayNumber(member.joinedAt);
  const memberships = member.memberships ?? [];
  if (memberships.length === 0) return [joined, OPEN_END];
  if (memberships.length === 1) {
    // The usual case, without the sorting and merging below.
    const m = memberships[0]!;
    const from = Math.max(parseDayNumber(m.from), joined);
    const to = m.to ? parseDayNumber(m.to) : OPEN_END;
    return from < to ? [from, to] : [];
  }
  const spans: Array<[number, number]> = [];
  for (const m of memberships) {
    const from = Math.max(parseDayNumber(m.from), joined);
    const to = m.to ? parseDayNumber(m.to) : OPEN_END;
    if (from < to) spans.push([from, to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: Coverage = [];
  for (const [a, b] of spans) {
    const last = merged.length - 1;
    if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
    else merged.push(a, b);
  }
  return merged;
}

/** Number of days of [start, end) inside the coverage. */
export function measureCoveredDays(coverage: Coverage, start: number, end: number): number {
  let total = 0;
  for (let i = 0; i < coverage.length; i += 2) {
    const a = Math.max(coverage[i]!, start);
    const b = Math.min(coverage[i + 1]!, end);
    if (b > a) total += b - a;
  }
  return total;
}

export function isCovered(coverage: Coverage, day: number): boolean {
  for (let i = 0; i < coverage.length; i += 2) {
    if (day >= coverage[i]! && day < coverage[i + 1]!) return true;
  }
  return false;
}

export function matchesOrganizationSubject(
  subject: OrganizationSubject,
  org: OrganizationInputLike,
): boolean {
  if (subject.levels && !subject.levels.includes(org.level)) return false;
  if (subject.orgKinds && !subject.orgKinds.includes(org.kind)) return false;
  return true;
}

export function matchesMemberSubject(subject: MemberSubject, member: MemberInputLike): boolean {
  // Counted rather than collected: this runs for every member and quota.
  let checks = 0;
  let passed = 0;
  if (subject.categories) {
    checks++;
    if (subject.categories.includes(member.category)) passed++;
  }
  if (subject.cadreLevels) {
    checks++;
    if (subject.cadreLevels.includes(member.cadreLevel)) passed++;
  }
  if (subject.statuses) {
    checks++;
    if (subject.statuses.includes(member.status)) passed++;
  }
  if (subject.positions) {
    checks++;
    const positions = member.positions ?? [];
    for (const p of subject.positions) {
      if (positions.includes(p)) {
        passed++;
        break;
      }
    }
  }
  if (checks === 0) return true;
  return subject.match === "any" ? passed > 0 : passed === checks;
}

/**
 * For each organization, the indexes of itself and every organization below it, from the
 * materialized paths. The tree is the one given (today's), so a branch re-parented last month
 * counts toward its new college for the whole period.
 */
export function findSubtrees(orgs: ReadonlyArray<OrganizationInputLike>): number[][] {
  const indexById = new Map<string, number>();
  orgs.forEach((o, i) => indexById.set(o.id, i));
  const subtrees: number[][] = orgs.map((_, i) => [i]);
  orgs.forEach((o, i) => {
    const segments = o.path.split("/");
    // Every ancestor named in the path gets this organization (the path may or may not end with its own id).
    for (let s = 0; s < segments.length; s++) {
      const ancestor = indexById.get(segments[s]!);
      if (ancestor !== undefined && ancestor !== i) subtrees[ancestor]!.push(i);
    }
  });
  return subtrees;
}
