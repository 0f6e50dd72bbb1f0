import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { campaignReadWhere, storedDefinition } from "../campaigns/campaign-rules";
import { resolveRatingSettings } from "../ratings/rating-types";
import { evaluationFigures, type EvaluationResult } from "./close-round";
import { findRoundOrThrow, roundReadWhere, roundState } from "./opinion-rules";

/** Rounds of organizations within the actor's opinion.read scope, newest first, with counts. */
export async function listRounds(actor: Actor, now = new Date()) {
  if (!can(actor, "opinion.read")) return [];
  const today = todayInShanghai(now);
  return withTenant(actor.tenantId, async (tx) => {
    const rounds = await tx.opinionRound.findMany({
      where: roundReadWhere(actor),
      include: { org: { select: { id: true, name: true, nameEn: true } } },
      orderBy: [{ opensOn: "desc" }, { id: "desc" }],
      take: 200,
    });
    const ids = rounds.map((r) => r.id);
    const [received, answered] = await Promise.all([
      tx.opinion.groupBy({
        by: ["roundId"],
        where: { tenantId: actor.tenantId, roundId: { in: ids } },
        _count: { _all: true },
      }),
      tx.opinion.groupBy({
        by: ["roundId"],
        where: { tenantId: actor.tenantId, roundId: { in: ids }, answeredAt: { not: null } },
        _count: { _all: true },
      }),
    ]);
    const rec = new Map(received.map((r) => [r.roundId, r._count._all]));
    const ans = new Map(answered.map((r) => [r.roundId, r._count._all]));
    return rounds.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      org: r.org,
      opensOn: r.opensOn.toISOString().slice(0, 10),
      closesOn: r.closesOn.toISOString().slice(0, 10),
      state: roundState(r, today),
      received: rec.get(r.id) ?? 0,
      answered: ans.get(r.id) ?? 0,
    }));
  });
}

/** One round with its opinions (readers of the round's organization only). */
export async function getRoundDetail(actor: Actor, id: string, now = new Date()) {
  return withTenant(actor.tenantId, async (tx) => {
    const round = await findRoundOrThrow(tx, actor, id);
    const opinions = await tx.opinion.findMany({
      where: { tenantId: actor.tenantId, roundId: round.id },
      include: { org: { select: { id: true, name: true, nameEn: true, path: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 1000,
    });
    const evidenceIds = opinions.flatMap((o) => o.rectificationEvidenceIds);
    const evidence = evidenceIds.length
      ? await tx.evidence.findMany({
          where: { tenantId: actor.tenantId, id: { in: evidenceIds }, withdrawnAt: null },
          select: { id: true, originalName: true },
        })
      : [];
    const evidenceName = new Map(evidence.map((e) => [e.id, e.originalName]));
    const userIds = [
      ...new Set(opinions.map((o) => o.answeredById).filter((x): x is string => !!x)),
    ];
    const users = userIds.length
      ? await tx.user.findMany({
          where: { tenantId: actor.tenantId, id: { in: userIds } },
          select: { id: true, displayName: true },
        })
      : [];
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const figures =
      round.kind === "EVALUATION" ? await evaluationFigures(tx, actor.tenantId, round) : null;
    return {
      round: {
        id: round.id,
        kind: round.kind,
        title: round.title,
        description: round.description,
        org: round.org,
        campaign: round.campaign,
        ratingItemId: round.ratingItemId,
        opensOn: round.opensOn.toISOString().slice(0, 10),
        closesOn: round.closesOn.toISOString().slice(0, 10),
        closedAt: round.closedAt,
        state: roundState(round, todayInShanghai(now)),
        version: round.version,
        questions: (round.questions as { id: string; label: string }[] | null) ?? [],
        result: round.result as EvaluationResult | null,
      },
      figures,
      mayManage: can(actor, "opinion.manage", round.org.path),
      opinions: opinions.map((o) => ({
        id: o.id,
        org: o.org,
        category: o.category,
        body: o.body,
        anonymous: o.anonymous,
        authorName: o.authorName,
        authorContact: o.authorContact,
        scores: o.scores as Record<string, number> | null,
        createdAt: o.createdAt,
        answer: o.answer,
        answeredAt: o.answeredAt,
        answeredByName: o.answeredById ? (userName.get(o.answeredById) ?? "") : null,
        rectification: o.rectification,
        rectificationNote: o.rectificationNote,
        rectifiedAt: o.rectifiedAt,
        evidence: o.rectificationEvidenceIds
          .filter((e) => evidenceName.has(e))
          .map((e) => ({ id: e, name: evidenceName.get(e)! })),
        version: o.version,
        mayManage:
          can(actor, "opinion.manage", o.org.path) || can(actor, "opinion.manage", round.org.path),
      })),
    };
  });
}

/** What the "open a round" form offers: organizations the actor manages, campaigns and their manual items. */
export async function getRoundFormOptions(actor: Actor) {
  if (!can(actor, "opinion.manage")) return { orgs: [], campaigns: [] };
  return withTenant(actor.tenantId, async (tx) => {
    const [orgs, campaigns] = await Promise.all([
      tx.organization.findMany({
        where: { AND: [orgScopeWhere(actor, "opinion.manage"), { validTo: null }] },
        select: { id: true, name: true, depth: true },
        orderBy: { path: "asc" },
        take: 500,
      }),
      tx.campaign.findMany({
        where: { AND: [campaignReadWhere(actor), { status: "ACTIVE" }] },
        select: { id: true, name: true, definition: true },
        orderBy: { startDate: "desc" },
        take: 50,
      }),
    ]);
    return {
      orgs: orgs.map((o) => ({ id: o.id, name: o.name, depth: o.depth })),
      campaigns: campaigns.map((c) => ({
        id: c.id,
        name: c.name,
        manualItems: resolveRatingSettings(storedDefinition(c.definition)).manualItems,
      })),
    };
  });
}
