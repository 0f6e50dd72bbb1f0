import { noteTenantWrite } from "../data-version";
import type { TenantTx } from "../tenant-tx";
import type { Actor } from "../authz/actor";
import type { Prisma } from "@/generated/prisma/client";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other non-JSON values become their JSON form, as they would over the wire.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Only the fields that changed, as {field: {old, new}} — what a reviewer wants to read. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/** Writes one audit event inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAuditEvent(
  tx: TenantTx,
  actor: Pick<Actor, "tenantId" | "userId"> | { tenantId: string; userId: null },
  input: AuditInput,
): Promise<void> {
  noteTenantWrite(tx);
  await tx.auditEvent.create({
    data: {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
    },
  });
}

/** Many audit events in one statement (bulk imports); same rows as calling recordAuditEvent for each. */
export async function recordAuditEvents(
  tx: TenantTx,
  actor: Pick<Actor, "tenantId" | "userId">,
  inputs: AuditInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  noteTenantWrite(tx);
  await tx.auditEvent.createMany({
    data: inputs.map((input) => ({
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
    })),
  });
}
