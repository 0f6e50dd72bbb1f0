import { isUuid } from "@/lib/schemas/activity";
import type { Actor } from "../../authz/actor";
import type { TenantTx } from "../../tenant-tx";
import { activityNotFound, activityReadWhere } from "./activity-rules";

/**
 * Loads a record the actor may read, with its organization, or throws NOT_FOUND — the same
 * answer for "does not exist", "another tenant's" and "outside your scope". A malformed id is
 * "not found" too, not a database error.
 */
export async function findActivityInScopeOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!isUuid(id)) throw activityNotFound();
  const activity = await tx.activity.findFirst({
    where: { AND: [activityReadWhere(actor), { id }] },
    include: {
      org: {
        select: { id: true, name: true, nameEn: true, code: true, path: true, level: true },
      },
    },
  });
  if (!activity) throw activityNotFound();
  return activity;
}

export type ActivityInScope = Awaited<ReturnType<typeof findActivityInScopeOrThrow>>;
