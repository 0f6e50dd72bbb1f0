import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { hasTenantWideScope } from "./user-scope";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventItem = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorUserId: string | null;
  /** Display name of the acting account; null for anonymous events (failed logins). */
  actorName: string | null;
  actorUsername: string | null;
  before: unknown;
  after: unknown;
};

export type AuditEventList = {
  items: AuditEventItem[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** "tenant": every event of the tenant; "own": only events the actor caused. */
  scope: "tenant" | "own";
  /** Values for the filter selects, within the same scope. */
  actions: string[];
  entityTypes: string[];
};

const SECRET_KEY = /password|hash|secret|token/i;

/** Drops anything that looks like a secret from an audit payload before it leaves the server. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, redactSecrets(v)]),
    );
  }
  return value;
}

/**
 * The audit trail (audit.read), newest first. An actor holding audit.read at the tenant root
 * (ORG_ADMIN or INSPECTOR of the school committee) sees every event of the tenant; anyone
 * else with audit.read sees only the events they caused themselves.
 */
export async function listAuditEvents(
  actor: Actor,
  params: { entityType?: string; action?: string; page?: number },
): Promise<AuditEventList> {
  requirePermission(actor, "audit.read");
  const scope = hasTenantWideScope(actor, "audit.read") ? "tenant" : "own";
  const base: Prisma.AuditEventWhereInput =
    scope === "tenant"
      ? { tenantId: actor.tenantId }
      : { tenantId: actor.tenantId, actorUserId: actor.userId };
  const entityType = params.entityType?.trim().slice(0, 64) || undefined;
  const action = params.action?.trim().slice(0, 64) || undefined;
  const where: Prisma.AuditEventWhereInput = {
    ...base,
    ...(entityType ? { entityType } : {}),
    ...(action ? { action } : {}),
  };

  return withTenant(actor.tenantId, async (tx) => {
    const total = await tx.auditEvent.count({ where });
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(params.page ?? 1) || 1), pages);
    const rows = await tx.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    });
    const actorIds = [
      ...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null)),
    ];
    const [users, actionGroups, typeGroups] = await Promise.all([
      actorIds.length
        ? tx.user.findMany({
            where: { tenantId: actor.tenantId, id: { in: actorIds } },
            select: { id: true, displayName: true, username: true },
          })
        : Promise.resolve([]),
      tx.auditEvent.groupBy({ by: ["action"], where: base }),
      tx.auditEvent.groupBy({ by: ["entityType"], where: base }),
    ]);
    const names = new Map(users.map((u) => [u.id, u]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        actorUserId: r.actorUserId,
        actorName: r.actorUserId ? (names.get(r.actorUserId)?.displayName ?? null) : null,
        actorUsername: r.actorUserId ? (names.get(r.actorUserId)?.username ?? null) : null,
        before: redactSecrets(r.before),
        after: redactSecrets(r.after),
      })),
      total,
      page,
      pages,
      pageSize: AUDIT_PAGE_SIZE,
      scope,
      actions: actionGroups.map((g) => g.action).sort(),
      entityTypes: typeGroups.map((g) => g.entityType).sort(),
    };
  });
}
