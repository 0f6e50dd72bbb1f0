import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { notFound } from "../../errors";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { findCampaignOrThrow, isoDay } from "../campaigns/campaign-rules";
import { filterRatingSet } from "./build-rating-set";
import { ratingScope } from "./rating-rules";
import type { RatingSet, RatingSnapshot } from "./rating-types";

export type PublicationInfo = {
  id: string;
  version: number;
  reason: string | null;
  asOf: string;
  publishedAt: string;
  publishedByName: string;
  organizations: number;
  members: number;
};

async function listPublicationsTx(
  tx: TenantTx,
  actor: Actor,
  campaignId: string,
  year: number,
): Promise<PublicationInfo[]> {
  const rows = await tx.ratingPublication.findMany({
    where: { tenantId: actor.tenantId, campaignId, year },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      reason: true,
      asOf: true,
      publishedAt: true,
      publishedById: true,
    },
  });
  if (rows.length === 0) return [];
  const [users, counts] = await Promise.all([
    tx.user.findMany({
      where: {
        tenantId: actor.tenantId,
        id: { in: [...new Set(rows.map((r) => r.publishedById))] },
      },
      select: { id: true, displayName: true },
    }),
    // The subject counts, read inside the database so the snapshots are not shipped for a list.
    tx.$queryRaw<{ id: string; organizations: number; members: number }[]>`
      SELECT "id"::text AS id,
             jsonb_array_length("snapshot"->'organizations')::int AS organizations,
             jsonb_array_length("snapshot"->'members')::int AS members
        FROM "RatingPublication"
       WHERE "tenantId" = ${actor.tenantId}::uuid AND "campaignId" = ${campaignId}::uuid AND "year" = ${year}`,
  ]);
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  const count = new Map(counts.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    reason: r.reason,
    asOf: isoDay(r.asOf),
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: name.get(r.publishedById) ?? "",
    organizations: count.get(r.id)?.organizations ?? 0,
    members: count.get(r.id)?.members ?? 0,
  }));
}

/** The published versions of a campaign year, newest first (without their snapshots). */
export async function listRatingPublications(
  actor: Actor,
  query: { campaignId: string; year: number },
): Promise<PublicationInfo[]> {
  requirePermission(actor, "dashboard.read");
  return withTenant(actor.tenantId, async (tx) => {
    const campaign = await findCampaignOrThrow(tx, actor, query.campaignId);
    return listPublicationsTx(tx, actor, campaign.id, query.year);
  });
}

/**
 * A published version of a campaign year's ratings (the latest when `version` is not given),
 * read from its frozen snapshot and narrowed to the actor's scope by the subjects' current
 * paths, with the list of every version. `set` is null when nothing is published yet;
 * NOT_FOUND for a version that does not exist.
 */
export async function getPublishedRatings(
  actor: Actor,
  query: { campaignId: string; year: number; version?: number | null },
): Promise<{
  publication: PublicationInfo | null;
  versions: PublicationInfo[];
  set: RatingSet | null;
}> {
  requirePermission(actor, "dashboard.read");
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const campaign = await findCampaignOrThrow(tx, actor, query.campaignId);
    const versions = await listPublicationsTx(tx, actor, campaign.id, query.year);
    const wanted = query.version ? versions.find((v) => v.version === query.version) : versions[0];
    if (!wanted) {
      if (query.version) throw notFound("发布版本");
      return { publication: null, versions, set: null };
    }
    const row = await tx.ratingPublication.findFirstOrThrow({
      where: { tenantId, id: wanted.id },
      select: { snapshot: true },
    });
    const snapshot = row.snapshot as unknown as RatingSnapshot;
    // Scope by where the subjects are now (as every other reading does), not where they were.
    const [orgs, members] = await Promise.all([
      tx.organization.findMany({
        where: {
          tenantId,
          id: {
            in: snapshot.organizations
              .map((o) => o.id)
              .concat(snapshot.flags.ineligibleLeaders.map((l) => l.orgId)),
          },
        },
        select: { id: true, path: true },
      }),
      tx.member.findMany({
        where: { tenantId, id: { in: snapshot.members.map((m) => m.id) } },
        select: { id: true, org: { select: { path: true } } },
      }),
    ]);
    const orgPath = new Map(orgs.map((o) => [o.id, o.path]));
    const memberPath = new Map(members.map((m) => [m.id, m.org.path]));
    const set = filterRatingSet(snapshot, ratingScope(actor), {
      organization: (id) => orgPath.get(id),
      member: (id) => memberPath.get(id),
    });
    return { publication: wanted, versions, set };
  });
}
