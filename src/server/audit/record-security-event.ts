import { withTenant } from "../tenant-tx";
import { recordAuditEvent, type AuditInput } from "./record-audit-event";

/**
 * Writes a security audit event (an authorization failure, a logout …) in a tenant transaction
 * of its own. For events about a request that is failing: the request's own transaction, if
 * any, is rolled back, and the event must survive it. A failure to record is logged, never
 * allowed to replace the error the user should see.
 */
export async function recordSecurityEvent(
  actor: { tenantId: string; userId: string | null },
  input: AuditInput,
): Promise<void> {
  try {
    await withTenant(actor.tenantId, (tx) => recordAuditEvent(tx, actor, input));
  } catch (error) {
    console.error("could not record security event", input.action, error);
  }
}
