import { createHash } from "node:crypto";
import { openAppraisalRoundAction } from "@/server/actions/appraisal/open-appraisal-round-action";
import { saveSelfAssessmentAction } from "@/server/actions/appraisal/save-self-assessment-action";
import { submitAppraisalBallotAction } from "@/server/actions/appraisal/submit-appraisal-ballot-action";
import { closeAppraisalRoundAction } from "@/server/actions/appraisal/close-appraisal-round-action";
import { recordAppraisalConclusionAction } from "@/server/actions/appraisal/record-appraisal-conclusion-action";
import { openCommendationWindowAction } from "@/server/actions/commendations/open-commendation-window-action";
import { nominateCandidateAction } from "@/server/actions/commendations/nominate-candidate-action";
import { reviewNominationAction } from "@/server/actions/commendations/review-nomination-action";
import { publishCommendationsAction } from "@/server/actions/commendations/publish-commendations-action";
import { fileObjectionAction } from "@/server/actions/commendations/file-objection-action";
import { answerObjectionAction } from "@/server/actions/commendations/answer-objection-action";
import { finalizeCommendationsAction } from "@/server/actions/commendations/finalize-commendations-action";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";
import type { ActionCase } from "./action-cases";

// Each tenant gets, with ids derived from its tenant id (`foreign`/`own` are synchronous): an
// always-open appraisal round of b11; a commendation window in its nomination period with one
// pending nomination; and a published window with an accepted nominee and an objection.

function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const ids = (t: TenantFixture) => ({
  round: derivedUuid(`appraisal-round|${t.tenantId}`),
  window: derivedUuid(`commendation-window|${t.tenantId}`),
  nomination: derivedUuid(`commendation-nomination|${t.tenantId}`),
  published: derivedUuid(`commendation-published|${t.tenantId}`),
  accepted: derivedUuid(`commendation-accepted|${t.tenantId}`),
  objection: derivedUuid(`commendation-objection|${t.tenantId}`),
});

export async function prepareActionFixtures(tenants: TenantFixture[]): Promise<void> {
  const db = adminDb();
  for (const t of tenants) {
    const id = ids(t);
    const tenantId = t.tenantId;
    if (await db.appraisalRound.findFirst({ where: { tenantId, id: id.round } })) continue;
    await db.appraisalRound.create({
      data: {
        tenantId,
        id: id.round,
        orgId: t.orgs.b11!.id,
        year: 2026,
        title: "2026 民主评议",
        startsOn: new Date("2000-01-01"),
        endsOn: new Date("2100-12-31"),
        openedById: t.users.admin!,
      },
    });
    await db.appraisalParticipant.createMany({
      data: ["b11-0", "b11-1", "b11-2"].map((k) => ({
        tenantId,
        roundId: id.round,
        memberId: t.members[k]!,
        status: "FULL" as const,
        canVote: true,
      })),
    });
    const window = (wid: string, year: number, published: boolean) => ({
      tenantId,
      id: wid,
      rootOrgId: t.orgs.school!.id,
      year,
      title: `${year} 两优一先`,
      nominationStartsOn: new Date(published ? "2000-01-01" : "2000-01-01"),
      nominationEndsOn: new Date(published ? "2000-01-31" : "2100-12-31"),
      minMemberStars: 4,
      minOrgStars: 5,
      createdById: t.users.admin!,
      ...(published
        ? {
            publishedAt: new Date("2000-02-01"),
            noticeStartsOn: new Date("2000-02-01"),
            noticeEndsOn: new Date("2100-12-31"),
          }
        : {}),
    });
    await db.commendationWindow.create({ data: window(id.window, 2026, false) });
    await db.commendationWindow.create({ data: window(id.published, 2025, true) });
    const nomination = (nid: string, wid: string, status: "PENDING" | "ACCEPTED") => ({
      tenantId,
      id: nid,
      windowId: wid,
      category: "EXCELLENT_MEMBER" as const,
      memberId: t.members["b11-1"]!,
      nominatingOrgId: t.orgs.b11!.id,
      citation: "事迹",
      eligibility: [],
      status,
      nominatedById: t.users.secretary!,
    });
    await db.commendationNomination.create({
      data: nomination(id.nomination, id.window, "PENDING"),
    });
    await db.commendationNomination.create({
      data: nomination(id.accepted, id.published, "ACCEPTED"),
    });
    await db.commendationObjection.create({
      data: {
        tenantId,
        id: id.objection,
        windowId: id.published,
        nominationId: id.accepted,
        text: "异议",
      },
    });
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type; the tests pass none
const run = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);
const CITATION = "长期扎根教学一线，带领学生开展志愿服务，所在支部工作成效显著。";

export const APPRAISAL_CASES: ActionCase[] = [
  {
    name: "openAppraisalRoundAction",
    run: run(openAppraisalRoundAction),
    foreign: (_a, b) => ({
      orgId: b.orgs.b12!.id,
      year: "2026",
      title: "x",
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
    }),
    own: (a) => ({
      orgId: a.orgs.b12!.id,
      year: "2026",
      title: "x",
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
    }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "saveSelfAssessmentAction",
    run: run(saveSelfAssessmentAction),
    foreign: (_a, b) => ({ roundId: ids(b).round, text: "自我评价" }),
    own: (a) => ({ roundId: ids(a).round, text: "自我评价" }),
    privileged: false,
    roles: ["member", "admin"],
  },
  {
    name: "submitAppraisalBallotAction",
    run: run(submitAppraisalBallotAction),
    foreign: (a, b) => ({
      roundId: ids(b).round,
      [`verdict.${b.members["b11-0"]!}`]: "EXCELLENT",
      [`verdict.${b.members["b11-2"]!}`]: "QUALIFIED",
      [`verdict.${a.members["b11-0"]!}`]: "QUALIFIED",
    }),
    own: (a) => ({
      roundId: ids(a).round,
      [`verdict.${a.members["b11-0"]!}`]: "EXCELLENT",
      [`verdict.${a.members["b11-2"]!}`]: "QUALIFIED",
    }),
    privileged: false,
    roles: ["member", "secretary", "admin"],
  },
  {
    name: "closeAppraisalRoundAction",
    run: run(closeAppraisalRoundAction),
    foreign: (_a, b) => ({ roundId: ids(b).round }),
    own: (a) => ({ roundId: ids(a).round }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "recordAppraisalConclusionAction",
    run: run(recordAppraisalConclusionAction),
    foreign: (_a, b) => ({
      roundId: ids(b).round,
      memberId: b.members["b11-1"]!,
      verdict: "QUALIFIED",
    }),
    own: (a) => ({ roundId: ids(a).round, memberId: a.members["b11-1"]!, verdict: "QUALIFIED" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "openCommendationWindowAction",
    run: run(openCommendationWindowAction),
    foreign: (_a, b) => ({
      rootOrgId: b.orgs.school!.id,
      year: "2027",
      title: "x",
      nominationStartsOn: "2027-06-01",
      nominationEndsOn: "2027-06-15",
      minMemberStars: "4",
      minOrgStars: "5",
    }),
    own: (a) => ({
      rootOrgId: a.orgs.school!.id,
      year: "2027",
      title: "x",
      nominationStartsOn: "2027-06-01",
      nominationEndsOn: "2027-06-15",
      minMemberStars: "4",
      minOrgStars: "5",
    }),
    privileged: true,
  },
  {
    name: "nominateCandidateAction (another tenant's window)",
    run: run(nominateCandidateAction),
    foreign: (a, b) => ({
      windowId: ids(b).window,
      category: "EXCELLENT_PARTY_WORKER",
      nominatingOrgId: a.orgs.b11!.id,
      nomineeId: a.members["b11-0"]!,
      citation: CITATION,
    }),
    own: (a) => ({
      windowId: ids(a).window,
      category: "EXCELLENT_PARTY_WORKER",
      nominatingOrgId: a.orgs.b11!.id,
      nomineeId: a.members["b11-0"]!,
      citation: CITATION,
    }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "nominateCandidateAction (another tenant's nominee)",
    run: run(nominateCandidateAction),
    foreign: (a, b) => ({
      windowId: ids(a).window,
      category: "EXCELLENT_PARTY_WORKER",
      nominatingOrgId: a.orgs.b11!.id,
      nomineeId: b.members["b11-0"]!,
      citation: CITATION,
    }),
    own: (a) => ({
      windowId: ids(a).window,
      category: "EXCELLENT_PARTY_WORKER",
      nominatingOrgId: a.orgs.b11!.id,
      nomineeId: a.members["b11-0"]!,
      citation: CITATION,
    }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "reviewNominationAction",
    run: run(reviewNominationAction),
    foreign: (_a, b) => ({ nominationId: ids(b).nomination, decision: "ACCEPTED" }),
    own: (a) => ({ nominationId: ids(a).nomination, decision: "ACCEPTED" }),
    privileged: true,
    roles: ["admin", "collegeAdmin"],
  },
  {
    name: "publishCommendationsAction",
    run: run(publishCommendationsAction),
    foreign: (_a, b) => ({
      windowId: ids(b).window,
      noticeStartsOn: "2026-12-01",
      noticeEndsOn: "2026-12-07",
    }),
    own: (a) => ({
      windowId: ids(a).window,
      noticeStartsOn: "2026-12-01",
      noticeEndsOn: "2026-12-07",
    }),
    privileged: true,
  },
  {
    name: "fileObjectionAction",
    run: run(fileObjectionAction),
    foreign: (_a, b) => ({ nominationId: ids(b).accepted, text: "请核实事迹", anonymous: "on" }),
    own: (a) => ({ nominationId: ids(a).accepted, text: "请核实事迹" }),
    privileged: false,
    roles: ["member", "admin"],
  },
  {
    name: "answerObjectionAction",
    run: run(answerObjectionAction),
    foreign: (_a, b) => ({ objectionId: ids(b).objection, answer: "已核实", upheld: "no" }),
    own: (a) => ({ objectionId: ids(a).objection, answer: "已核实", upheld: "no" }),
    privileged: true,
  },
  {
    name: "finalizeCommendationsAction",
    run: run(finalizeCommendationsAction),
    foreign: (_a, b) => ({ windowId: ids(b).published }),
    own: (a) => ({ windowId: ids(a).published }),
    privileged: true,
  },
];
