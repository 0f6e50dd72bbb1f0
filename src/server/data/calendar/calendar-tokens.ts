import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "../../authz/actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { notFound } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { UUID } from "../tasks/task-rules";

/** sha256 (hex) of a feed token: the only form in which a token is stored. */
export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, base64url: the secret part of the private feed URL. */
export function newCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The user's own feed tokens (never the secret: it is shown once, when created). */
export async function listMyCalendarTokens(actor: Actor) {
  return withTenant(actor.tenantId, (tx) =>
    tx.calendarToken.findMany({
      where: { tenantId: actor.tenantId, userId: actor.userId },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, revokedAt: true },
    }),
  );
}

/**
 * Creates a private feed token for the signed-in user and returns it once. Any earlier active
 * token of the user is revoked: one live feed URL per user.
 */
export async function createCalendarToken(actor: Actor): Promise<{ id: string; token: string }> {
  const token = newCalendarToken();
  return withTenant(actor.tenantId, async (tx) => {
    const now = new Date();
    await tx.calendarToken.updateMany({
      where: { tenantId: actor.tenantId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    const id = randomUUID();
    await tx.calendarToken.create({
      data: {
        tenantId: actor.tenantId,
        id,
        userId: actor.userId,
        tokenHash: hashCalendarToken(token),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "calendar.createToken",
      entityType: "CalendarToken",
      entityId: id,
    });
    return { id, token };
  });
}

/** Revokes one of the user's tokens: its URL answers 404 from then on. */
export async function revokeCalendarToken(actor: Actor, id: string): Promise<void> {
  if (!UUID.test(id)) throw notFound("日历订阅");
  await withTenant(actor.tenantId, async (tx) => {
    const own = await tx.calendarToken.findFirst({
      where: { tenantId: actor.tenantId, userId: actor.userId, id },
      select: { id: true, revokedAt: true },
    });
    if (!own) throw notFound("日历订阅");
    if (own.revokedAt) return;
    await tx.calendarToken.update({
      where: { tenantId_id: { tenantId: actor.tenantId, id } },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "calendar.revokeToken",
      entityType: "CalendarToken",
      entityId: id,
    });
  });
}
