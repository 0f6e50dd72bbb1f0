import type { CreateUserInput } from "@/lib/schemas/user";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere, requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { hashPassword } from "../../auth/password";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { auditUserSnapshot, hasTenantWideScope, isUniqueViolation } from "./user-scope";

const usernameTaken = () =>
  new AppError("VALIDATION", "用户名已被使用", { username: ["用户名已被使用"] });

/**
 * Creates an account (user.manage). Usernames are unique per tenant, compared without regard
 * to case so that "Zhang" and "zhang" cannot both exist. A linked member must be a current
 * member inside the actor's scope and have no account yet. A manager below the tenant root
 * must link a member: otherwise the new account would fall outside their own scope at once.
 */
export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  requirePermission(actor, "user.manage");
  if (!input.memberNumber && !hasTenantWideScope(actor, "user.manage")) {
    const message = "请填写本单位党员的编号，账号将关联到该党员";
    throw new AppError("VALIDATION", message, { memberNumber: [message] });
  }
  // Hashing is slow on purpose; do it before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTenant(actor.tenantId, async (tx) => {
      // Usernames are unique ignoring case; the unique index is case-sensitive, so two creates of
      // "Wang" and "wang" at once are serialized here before the check.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${actor.tenantId} || ':user:' || lower(${input.username})))`;
      const taken = await tx.user.findFirst({
        where: {
          tenantId: actor.tenantId,
          username: { equals: input.username, mode: "insensitive" },
        },
        select: { id: true },
      });
      if (taken) throw usernameTaken();

      let member: { id: string; number: string; name: string } | null = null;
      if (input.memberNumber) {
        const found = await tx.member.findFirst({
          where: {
            AND: [
              { tenantId: actor.tenantId, number: input.memberNumber, leftAt: null },
              { org: orgScopeWhere(actor, "user.manage") },
            ],
          },
          select: { id: true, number: true, name: true, user: { select: { username: true } } },
        });
        if (!found) {
          const message = "未找到该编号的党员，或其不在您的管理范围内";
          throw new AppError("VALIDATION", message, { memberNumber: [message] });
        }
        if (found.user) {
          const message = `该党员已有账号：${found.user.username}`;
          throw new AppError("VALIDATION", message, { memberNumber: [message] });
        }
        member = { id: found.id, number: found.number, name: found.name };
      }

      const user = await tx.user.create({
        data: {
          tenantId: actor.tenantId,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          memberId: member?.id ?? null,
        },
        select: { id: true, username: true, displayName: true, memberId: true, disabledAt: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { ...auditUserSnapshot(user), memberNumber: member?.number ?? null },
      });
      return { id: user.id };
    });
  } catch (error) {
    // A concurrent create won the race for the username (or the member).
    if (isUniqueViolation(error)) {
      const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
      if (target.includes("memberId")) {
        throw new AppError("VALIDATION", "该党员已有账号", { memberNumber: ["该党员已有账号"] });
      }
      throw usernameTaken();
    }
    throw error;
  }
}
