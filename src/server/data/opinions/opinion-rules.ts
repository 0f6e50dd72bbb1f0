import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { orgScopeWhere } from "../../authz/scope";
import { notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";
import { UUID } from "../tasks/task-rules";

/** Accepted opinions per client (address + user agent) and round within RATE_WINDOW_MS. */
export const RATE_PER_CLIENT = 5;
export const RATE_WINDOW_MS = 10 * 60_000;
/** Accepted opinions per round, all clients together, within one minute. */
export const RATE_PER_ROUND_PER_MINUTE = 60;

/** sha256 (hex) of a round's public token: the only form in which it is stored. */
export function hashOpinionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, base64url: the secret part of the public link. */
export function newOpinionToken(): string {
  return randomBytes(32).toString("base64url");
}

export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

const RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A 12-character receipt code (about 60 bits), shown once to the person who gave the opinion. */
export function newReceiptCode(): string {
  let out = "";
  for (let i = 0; i < 12; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}

export function hashReceiptCode(code: string): string {
  return createHash("sha256").update(`receipt:${code}`, "utf8").digest("hex");
}

/**
 * The client as the rate limiter knows it: a keyed hash of address and user agent, per round.
 * The raw address is never stored; the key keeps the hash from being reversed by trying every
 * IPv4 address.
 */
export function clientHash(roundId: string, ip: string, userAgent: string): string {
  const key = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "opinion-rate-limit";
  return createHmac("sha256", key).update(`${roundId}\u0000${ip}\u0000${userAgent}`).digest("hex");
}

/**
 * Points of a manual rating item from a mass evaluation's average satisfaction (1..5):
 * maxPoints × (average − 1) ÷ 4, rounded to 0.01 — 5 earns every point, 3 half, 1 none
 * (docs/ratings.md, "Mass evaluation").
 */
export function pointsForAverage(average: number, maxPoints: number): number {
  const clamped = Math.min(5, Math.max(1, average));
  return Math.round(((maxPoints * (clamped - 1)) / 4) * 100) / 100;
}

/** Rounds the actor may read: those of organizations within their opinion.read scope. */
export function roundReadWhere(actor: Actor): Prisma.OpinionRoundWhereInput {
  return { tenantId: actor.tenantId, org: orgScopeWhere(actor, "opinion.read") };
}

export const roundInclude = {
  org: { select: { id: true, name: true, nameEn: true, path: true } },
  campaign: { select: { id: true, name: true } },
} satisfies Prisma.OpinionRoundInclude;

export async function findRoundOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("征集");
  const round = await tx.opinionRound.findFirst({
    where: { ...roundReadWhere(actor), id },
    include: roundInclude,
  });
  if (!round) throw notFound("征集");
  return round;
}

export async function findOpinionOrThrow(tx: TenantTx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound("意见");
  const opinion = await tx.opinion.findFirst({
    where: { tenantId: actor.tenantId, id, round: roundReadWhere(actor) },
    include: {
      round: { include: roundInclude },
      org: { select: { id: true, name: true, path: true } },
    },
  });
  if (!opinion) throw notFound("意见");
  return opinion;
}

/** The state of a round on a day (YYYY-MM-DD, Asia/Shanghai): not yet open, open, or closed. */
export function roundState(
  round: { opensOn: Date; closesOn: Date; closedAt: Date | null },
  today: string,
): "upcoming" | "open" | "closed" {
  if (round.closedAt) return "closed";
  const opens = round.opensOn.toISOString().slice(0, 10);
  const closes = round.closesOn.toISOString().slice(0, 10);
  if (today < opens) return "upcoming";
  if (today > closes) return "closed";
  return "open";
}
