import type { Actor } from "../../authz/actor";
import { withTenant } from "../../tenant-tx";
import { findVisiblePledgeOrThrow, type PledgeAccess } from "./pledge-rules";

/**
 * One pledge with everything around it: items (verdicts, withdrawals), progress posts with their
 * evidence, comments with their authors, and what the actor may do. NOT_FOUND for a pledge the
 * actor may not see (see pledge-rules). Withdrawn evidence is listed only to its uploader.
 */
export async function getPledge(actor: Actor, id: string) {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const { access } = await findVisiblePledgeOrThrow(tx, actor, id);
    const pledge = await tx.pledge.findFirstOrThrow({
      where: { tenantId, id },
      select: {
        id: true,
        title: true,
        memberId: true,
        createdById: true,
        createdAt: true,
        org: { select: { id: true, name: true, nameEn: true } },
        member: { select: { id: true, name: true } },
        campaign: { select: { id: true, name: true, nameEn: true } },
        items: {
          orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
          select: {
            id: true,
            text: true,
            dueDate: true,
            verdict: true,
            verdictComment: true,
            evaluatedById: true,
            evaluatedAt: true,
            withdrawnAt: true,
            version: true,
            progress: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: {
                id: true,
                text: true,
                createdById: true,
                createdAt: true,
                evidence: {
                  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                  select: {
                    id: true,
                    originalName: true,
                    mimeType: true,
                    sizeBytes: true,
                    uploadedById: true,
                    withdrawnAt: true,
                  },
                },
              },
            },
          },
        },
        comments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, itemId: true, authorUserId: true, text: true, createdAt: true },
        },
      },
    });
    const userIds = new Set<string>([pledge.createdById]);
    for (const c of pledge.comments) userIds.add(c.authorUserId);
    for (const item of pledge.items) {
      if (item.evaluatedById) userIds.add(item.evaluatedById);
      for (const p of item.progress) userIds.add(p.createdById);
    }
    const users = await tx.user.findMany({
      where: { tenantId, id: { in: [...userIds] } },
      select: { id: true, displayName: true },
    });
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    const who = (userId: string | null) => (userId ? (nameOf.get(userId) ?? "—") : null);

    const items = pledge.items.map((item) => ({
      ...item,
      evaluatedBy: who(item.evaluatedById),
      progress: item.progress.map((p) => ({
        ...p,
        author: who(p.createdById),
        evidence: p.evidence
          .filter((e) => !e.withdrawnAt || e.uploadedById === actor.userId)
          .map((e) => ({
            ...e,
            canWithdraw: !e.withdrawnAt && e.uploadedById === actor.userId && !item.verdict,
          })),
      })),
      canPostProgress: access.isOwner && !item.withdrawnAt && !item.verdict,
      canWithdraw: access.isOwner && !item.withdrawnAt && !item.verdict,
      canEvaluate: access.canEvaluate && !item.withdrawnAt,
    }));
    return {
      ...pledge,
      items,
      createdBy: who(pledge.createdById),
      comments: pledge.comments.map((c) => ({ ...c, author: who(c.authorUserId) })),
      access,
    };
  });
}

export type PledgeDetail = Awaited<ReturnType<typeof getPledge>>;
export type { PledgeAccess };
