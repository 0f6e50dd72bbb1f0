import type { Actor } from "../../authz/actor";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "../tasks/task-rules";

/** The signed-in user's own notifications, newest first. Nobody reads anyone else's. */
export async function listMyNotifications(actor: Actor, take = 100) {
  return withTenant(actor.tenantId, (tx) =>
    tx.notification.findMany({
      where: { tenantId: actor.tenantId, userId: actor.userId },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        kind: true,
        title: true,
        body: true,
        link: true,
        readAt: true,
        createdAt: true,
      },
    }),
  );
}

/** Marks one of the user's notifications read (NOT_FOUND for anyone else's), or all with id "all". */
export async function markNotificationsRead(actor: Actor, id: string): Promise<{ count: number }> {
  return withTenant(actor.tenantId, async (tx) => {
    const where = { tenantId: actor.tenantId, userId: actor.userId, readAt: null };
    if (id === "all") return tx.notification.updateMany({ where, data: { readAt: new Date() } });
    if (!UUID.test(id)) throw notFound("通知");
    const own = await tx.notification.findFirst({
      where: { tenantId: actor.tenantId, userId: actor.userId, id },
      select: { id: true },
    });
    if (!own) throw notFound("通知");
    return tx.notification.updateMany({ where: { ...where, id }, data: { readAt: new Date() } });
  });
}
