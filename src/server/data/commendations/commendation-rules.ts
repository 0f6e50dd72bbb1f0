import type { CommendationCategory } from "@/generated/prisma/enums";
import type { Actor } from "../../authz/actor";
import { can } from "../../authz/scope";
import { AppError, forbidden, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import type { RatingSnapshot } from "../ratings/rating-types";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Positions that make a member a party worker (党务工作者) for 优秀党务工作者. */
export const PARTY_POSTS = ["SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER", "GROUP_LEADER"];

/** Appraisal verdicts that rule a member out of 两优一先 for the year. */
export const DISQUALIFYING_VERDICTS = ["BASICALLY_QUALIFIED", "UNQUALIFIED"] as const;

export type WindowStage =
  "upcoming" | "nominating" | "reviewing" | "notice" | "noticeEnded" | "final";

export type WindowRow = NonNullable<Awaited<ReturnType<typeof loadWindow>>>;

function loadWindow(tx: TenantTx, tenantId: string, id: string) {
  return tx.commendationWindow.findFirst({
    where: { tenantId, id },
    include: { rootOrg: { select: { id: true, name: true, path: true } } },
  });
}

export function windowStage(
  w: {
    nominationStartsOn: Date;
    nominationEndsOn: Date;
    publishedAt: Date | null;
    noticeStartsOn: Date | null;
    noticeEndsOn: Date | null;
    finalizedAt: Date | null;
  },
  today: string,
): WindowStage {
  if (w.finalizedAt) return "final";
  if (w.publishedAt) {
    if (w.noticeEndsOn && today > isoDay(w.noticeEndsOn)) return "noticeEnded";
    return "notice";
  }
  if (today < isoDay(w.nominationStartsOn)) return "upcoming";
  if (today <= isoDay(w.nominationEndsOn)) return "nominating";
  return "reviewing";
}

/**
 * A window of the caller's tenant. Every signed-in user of the tenant may see it (the notice is
 * public within the university); what they may do is decided by the caller.
 */
export async function findWindowOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
): Promise<WindowRow> {
  if (!UUID.test(id)) throw notFound("评选");
  const w = await loadWindow(tx, actor.tenantId, id);
  if (!w) throw notFound("评选");
  return w;
}

/** The organization department over the window's root. */
export function requireManage(actor: Actor, w: WindowRow): void {
  if (!can(actor, "commendation.manage", w.rootOrg.path)) throw forbidden();
}

export async function lockWindow(tx: TenantTx, tenantId: string, id: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "CommendationWindow" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
}

export function requireNotFinal(w: { finalizedAt: Date | null }): void {
  if (w.finalizedAt) throw new AppError("CONFLICT", "名单已确定，不能再修改");
}

export type EligibilityCheck = { rule: string; ok: boolean; detail: string };

/** The latest published ratings of the window's campaign year, or null. */
export async function latestPublication(
  tx: TenantTx,
  tenantId: string,
  w: { campaignId: string | null; year: number },
): Promise<{ version: number; snapshot: RatingSnapshot } | null> {
  if (!w.campaignId) return null;
  const row = await tx.ratingPublication.findFirst({
    where: { tenantId, campaignId: w.campaignId, year: w.year },
    orderBy: { version: "desc" },
    select: { version: true, snapshot: true },
  });
  return row ? { version: row.version, snapshot: row.snapshot as unknown as RatingSnapshot } : null;
}

/**
 * The eligibility rules of a nominee (docs/commendations.md), each with its outcome:
 * - members: not left; no 基本合格 / 不合格 conclusion in the year's democratic appraisal; when the
 *   window's campaign has published ratings for the year, a 锋领指数 band at least `minMemberStars`
 *   (the rating thresholds of the ratings page by default); 优秀党务工作者 also hold a party post;
 * - organizations: not the school committee, not dissolved, and a 堡垒指数 band at least
 *   `minOrgStars` in the latest published ratings (required: without a publication, refused).
 */
export async function checkEligibility(
  tx: TenantTx,
  tenantId: string,
  w: WindowRow,
  category: CommendationCategory,
  nominee:
    | { kind: "member"; id: string; positions: string[]; leftAt: Date | null }
    | { kind: "org"; id: string; level: string; validTo: Date | null },
): Promise<EligibilityCheck[]> {
  const checks: EligibilityCheck[] = [];
  const publication = await latestPublication(tx, tenantId, w);
  if (nominee.kind === "member") {
    checks.push({
      rule: "active",
      ok: nominee.leftAt === null,
      detail: nominee.leftAt ? "已离开本校党组织" : "在册党员",
    });
    if (category === "EXCELLENT_PARTY_WORKER") {
      const ok = nominee.positions.some((p) => PARTY_POSTS.includes(p));
      checks.push({
        rule: "partyPost",
        ok,
        detail: ok
          ? "担任党内职务"
          : "未担任党内职务（书记、副书记、支委、党小组长），不能推荐为优秀党务工作者",
      });
    }
    const bad = await tx.appraisalConclusion.findFirst({
      where: {
        tenantId,
        memberId: nominee.id,
        verdict: { in: [...DISQUALIFYING_VERDICTS] },
        round: { year: w.year },
      },
      select: { verdict: true },
    });
    checks.push({
      rule: "appraisal",
      ok: !bad,
      detail: bad
        ? `${w.year} 年民主评议党员被评定为“${bad.verdict === "UNQUALIFIED" ? "不合格" : "基本合格"}”`
        : `${w.year} 年民主评议无“基本合格”“不合格”评定`,
    });
    if (publication) {
      const rated = publication.snapshot.members.find((m) => m.id === nominee.id);
      const ok = !!rated && rated.stars >= w.minMemberStars;
      checks.push({
        rule: "memberStars",
        ok,
        detail: rated
          ? `锋领指数 ${rated.stars}★（第 ${publication.version} 版发布），要求不低于 ${w.minMemberStars}★`
          : `未参加已发布的锋领指数评定（要求不低于 ${w.minMemberStars}★）`,
      });
    } else {
      checks.push({ rule: "memberStars", ok: true, detail: "尚无已发布的锋领指数，不作星级要求" });
    }
  } else {
    checks.push({
      rule: "orgLevel",
      ok: nominee.level !== "SCHOOL" && nominee.validTo === null,
      detail:
        nominee.level === "SCHOOL"
          ? "校党委不参加先进基层党组织评选"
          : nominee.validTo
            ? "该组织已撤销"
            : "基层党组织",
    });
    const rated = publication?.snapshot.organizations.find((o) => o.id === nominee.id);
    checks.push({
      rule: "orgStars",
      ok: !!rated && rated.stars >= w.minOrgStars,
      detail: !publication
        ? `尚无已发布的堡垒指数评定（要求不低于 ${w.minOrgStars}★）`
        : rated
          ? `堡垒指数 ${rated.stars}★（第 ${publication.version} 版发布），要求不低于 ${w.minOrgStars}★`
          : `未参加已发布的堡垒指数评定（要求不低于 ${w.minOrgStars}★）`,
    });
  }
  return checks;
}
