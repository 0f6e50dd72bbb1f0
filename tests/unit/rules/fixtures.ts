import { evaluateCampaign } from "../../../src/rules/evaluate-campaign";
import type {
  CampaignForEvaluation,
  MemberInputLike,
  OrganizationInputLike,
  QuotaInput,
  QuotaResult,
  RecordInputLike,
} from "../../../src/rules/types";

/** A small university: school S, colleges C1 and C2, branches B1 (teachers), B2 (students) under C1, B3 under C2. */
export const ORGS: OrganizationInputLike[] = [
  { id: "S", level: "SCHOOL", kind: "MIXED", path: "S", validFrom: "2000-01-01", validTo: null },
  {
    id: "C1",
    level: "COLLEGE",
    kind: "MIXED",
    path: "S/C1",
    validFrom: "2000-01-01",
    validTo: null,
  },
  {
    id: "C2",
    level: "COLLEGE",
    kind: "MIXED",
    path: "S/C2",
    validFrom: "2000-01-01",
    validTo: null,
  },
  {
    id: "B1",
    level: "BRANCH",
    kind: "TEACHER",
    path: "S/C1/B1",
    validFrom: "2000-01-01",
    validTo: null,
  },
  {
    id: "B2",
    level: "BRANCH",
    kind: "STUDENT",
    path: "S/C1/B2",
    validFrom: "2000-01-01",
    validTo: null,
  },
  {
    id: "B3",
    level: "BRANCH",
    kind: "TEACHER",
    path: "S/C2/B3",
    validFrom: "2000-01-01",
    validTo: null,
  },
];

function member(
  id: string,
  orgId: string,
  category: MemberInputLike["category"],
  cadreLevel: MemberInputLike["cadreLevel"],
  positions: string[],
): MemberInputLike {
  return {
    id,
    status: "FULL",
    category,
    cadreLevel,
    positions,
    joinedAt: "2000-01-01",
    memberships: [{ orgId, from: "2000-01-01", to: null }],
  };
}

/** L1 school leader, M1 middle cadre leading a college, P1 professor, T1/T2 teachers, K1 counselor, S1 student. */
export const MEMBERS: MemberInputLike[] = [
  member("L1", "B1", "TEACHER", "SCHOOL_LEADER", []),
  member("M1", "B1", "TEACHER", "MIDDLE_CADRE", ["COLLEGE_LEADER"]),
  member("P1", "B1", "TEACHER", "NONE", ["PROFESSOR", "COURSE_TEACHER"]),
  member("T1", "B1", "TEACHER", "NONE", ["COURSE_TEACHER"]),
  member("T2", "B3", "TEACHER", "NONE", ["COURSE_TEACHER"]),
  member("K1", "B2", "STAFF", "NONE", ["COUNSELOR", "POLITICAL_WORKER"]),
  member("S1", "B2", "STUDENT", "NONE", []),
];

let sequence = 0;

/** An approved record; pass fields to override. */
export function rec(
  type: string,
  date: string,
  fields: Partial<RecordInputLike> = {},
): RecordInputLike {
  sequence += 1;
  return {
    id: `rec-${sequence}`,
    type,
    orgId: "B1",
    date,
    status: "APPROVED",
    attendeeIds: [],
    ...fields,
  };
}

/** A record self-reported (and approved) by a member. */
export function selfRec(
  memberId: string,
  type: string,
  date: string,
  fields: Partial<RecordInputLike> = {},
): RecordInputLike {
  const orgId = MEMBERS.find((m) => m.id === memberId)?.memberships?.[0]?.orgId ?? "B1";
  return rec(type, date, { orgId, selfReportedBy: memberId, ...fields });
}

export interface Scenario {
  campaign: CampaignForEvaluation;
  organizations?: OrganizationInputLike[];
  members?: MemberInputLike[];
  records: RecordInputLike[];
  asOf: string;
}

export function run(s: Scenario): QuotaResult[] {
  return evaluateCampaign({
    campaign: s.campaign,
    organizations: s.organizations ?? ORGS,
    members: s.members ?? MEMBERS,
    records: s.records,
    asOf: s.asOf,
  }).results;
}

export function findResult(
  results: ReadonlyArray<QuotaResult>,
  subjectId: string,
  windowStart: string,
  quotaId?: string,
): QuotaResult {
  const found = results.find(
    (r) =>
      r.subjectId === subjectId &&
      r.window.start === windowStart &&
      (quotaId === undefined || r.quotaId === quotaId),
  );
  if (!found) {
    const have = results.map((r) => `${r.quotaId}/${r.subjectId}@${r.window.start}`).join(", ");
    throw new Error(`no result for ${subjectId} @ ${windowStart}; have: ${have}`);
  }
  return found;
}

/** A one-quota campaign. */
export function campaignOf(
  quota: QuotaInput,
  startDate: string,
  endDate: string,
  phases?: CampaignForEvaluation["phases"],
): CampaignForEvaluation {
  return { id: "test", startDate, endDate, quotas: [quota], ...(phases ? { phases } : {}) };
}
