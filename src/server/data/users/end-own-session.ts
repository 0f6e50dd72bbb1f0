import type { Actor } from "../../authz/actor";
import { endSession } from "../../auth/sessions";
import { notFound } from "../../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user ends one of their own live sessions (another browser or device). Someone
 * else's session, another tenant's, or one already ended reads as not found.
 */
export async function endOwnSession(actor: Actor, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) throw notFound("登录会话");
  const ended = await endSession({
    tenantId: actor.tenantId,
    userId: actor.userId,
    sessionId,
    reason: "ended_by_user",
  });
  if (!ended) throw notFound("登录会话");
}
