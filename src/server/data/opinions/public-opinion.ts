import { randomUUID } from "node:crypto";
import { todayInShanghai } from "@/lib/format";
import { PublicOpinionInput, ReceiptInput } from "@/lib/schemas/opinion";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { getDb } from "../../db";
import { withTenant, type TenantTx } from "../../tenant-tx";
import {
  clientHash,
  hashOpinionToken,
  hashReceiptCode,
  newReceiptCode,
  RATE_PER_CLIENT,
  RATE_PER_ROUND_PER_MINUTE,
  RATE_WINDOW_MS,
  roundState,
  TOKEN_SHAPE,
} from "./opinion-rules";

/**
 * The public side of a round: what a visitor without an account may see and do through the
 * round's secret link. The token resolves to its tenant and round through the definer function
 * app_opinion_round_for_token (no session); everything after runs under that tenant's RLS.
 * Nothing here ever returns another person's opinion.
 */

async function resolveToken(token: string): Promise<{ tenantId: string; roundId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<
    { tenantId: string; roundId: string }[]
  >`SELECT "tenantId"::text AS "tenantId", "roundId"::text AS "roundId" FROM app_opinion_round_for_token(${hashOpinionToken(token)})`;
  return rows[0] ?? null;
}

async function loadPublicRound(tx: TenantTx, tenantId: string, roundId: string, today: string) {
  const round = await tx.opinionRound.findFirst({
    where: { tenantId, id: roundId },
    include: { org: { select: { id: true, name: true, nameEn: true, path: true } } },
  });
  if (!round) return null;
  const orgs =
    round.kind === "OPINION"
      ? await tx.organization.findMany({
          where: {
            tenantId,
            validTo: null,
            OR: [{ path: round.org.path }, { path: { startsWith: round.org.path + "/" } }],
          },
          select: { id: true, name: true, nameEn: true, depth: true },
          orderBy: [{ path: "asc" }],
          take: 500,
        })
      : [];
  const tenant = await tx.tenant.findFirst({ where: { id: tenantId }, select: { name: true } });
  return {
    id: round.id,
    kind: round.kind,
    title: round.title,
    description: round.description,
    opensOn: round.opensOn.toISOString().slice(0, 10),
    closesOn: round.closesOn.toISOString().slice(0, 10),
    state: roundState(round, today),
    org: { id: round.org.id, name: round.org.name, nameEn: round.org.nameEn },
    orgPath: round.org.path,
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn, depth: o.depth })),
    questions: (round.questions as { id: string; label: string }[] | null) ?? [],
    tenantName: tenant?.name ?? "",
  };
}

export type PublicRound = NonNullable<Awaited<ReturnType<typeof loadPublicRound>>>;

/** The round behind a public token, or null for an unknown (or replaced) token. */
export async function getPublicRound(
  token: string,
  now = new Date(),
): Promise<Omit<PublicRound, "orgPath"> | null> {
  const owner = await resolveToken(token);
  if (!owner) return null;
  const round = await withTenant(owner.tenantId, (tx) =>
    loadPublicRound(tx, owner.tenantId, owner.roundId, todayInShanghai(now)),
  );
  if (!round) return null;
  const { orgPath: _path, ...visible } = round;
  void _path;
  return visible;
}

export type ClientInfo = { ip: string; userAgent: string };

/**
 * Records one opinion (or evaluation response) given through a public link, and returns the
 * receipt code (shown once) with which the person can later read the answer to it.
 *
 * Refused, with nothing written: an unknown token (NOT_FOUND), a round not open today
 * (CONFLICT), bad input (VALIDATION, beside the field), and a flood (RATE_LIMITED): more than
 * RATE_PER_CLIENT opinions from the same client (keyed hash of address + user agent) in
 * RATE_WINDOW_MS, or more than RATE_PER_ROUND_PER_MINUTE for the whole round in a minute. The
 * counters are the opinions already stored, read under a per-round advisory lock, so the limit
 * holds across any number of app instances sharing the database.
 */
export async function submitPublicOpinion(
  token: string,
  raw: unknown,
  client: ClientInfo,
  now = new Date(),
): Promise<{ receipt: string }> {
  const owner = await resolveToken(token);
  if (!owner) throw new AppError("NOT_FOUND", "链接无效或已失效");
  const parsed = PublicOpinionInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "请修正标出的内容", fieldErrors);
  }
  const input = parsed.data;
  const receipt = newReceiptCode();
  return withTenant(owner.tenantId, async (tx) => {
    const tenantId = owner.tenantId;
    const round = await loadPublicRound(tx, tenantId, owner.roundId, todayInShanghai(now));
    if (!round) throw new AppError("NOT_FOUND", "链接无效或已失效");
    if (round.state === "upcoming") throw new AppError("CONFLICT", "本次征集尚未开始");
    if (round.state === "closed") throw new AppError("CONFLICT", "本次征集已结束，感谢关注");

    let orgId = round.org.id;
    let scores: Record<string, number> | null = null;
    if (round.kind === "OPINION") {
      if (!input.body)
        throw new AppError("VALIDATION", "请修正标出的内容", { body: ["请填写意见内容"] });
      if (input.orgId) {
        if (!round.orgs.some((o) => o.id === input.orgId))
          throw new AppError("VALIDATION", "请修正标出的内容", { orgId: ["请选择列出的组织"] });
        orgId = input.orgId;
      }
    } else {
      scores = {};
      const errors: Record<string, string[]> = {};
      for (const q of round.questions) {
        const s = input.scores?.[q.id];
        if (s === undefined) errors[`scores.${q.id}`] = ["请选择 1–5 分"];
        else scores[q.id] = s;
      }
      if (Object.keys(errors).length) throw new AppError("VALIDATION", "请为每一项打分", errors);
    }

    const hash = clientHash(round.id, client.ip, client.userAgent);
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`opinion-rate|${tenantId}|${round.id}`}, 0))::text`;
    // One statement at a time: the transaction holds a single connection.
    const mine = await tx.opinion.count({
      where: {
        tenantId,
        roundId: round.id,
        clientHash: hash,
        createdAt: { gt: new Date(now.getTime() - RATE_WINDOW_MS) },
      },
    });
    const all = await tx.opinion.count({
      where: { tenantId, roundId: round.id, createdAt: { gt: new Date(now.getTime() - 60_000) } },
    });
    if (mine >= RATE_PER_CLIENT)
      throw new AppError(
        "RATE_LIMITED",
        "提交过于频繁：同一设备 10 分钟内最多提交 5 条，请稍后再试",
      );
    if (all >= RATE_PER_ROUND_PER_MINUTE)
      throw new AppError("RATE_LIMITED", "当前提交人数较多，请一分钟后再试");

    const id = randomUUID();
    await tx.opinion.create({
      data: {
        tenantId,
        id,
        roundId: round.id,
        orgId,
        category: round.kind === "OPINION" ? (input.category ?? "OTHER") : null,
        body: input.body,
        anonymous: input.anonymous,
        authorName: input.anonymous ? null : (input.authorName ?? null),
        authorContact: input.anonymous ? null : (input.authorContact ?? null),
        scores: scores ?? undefined,
        receiptHash: hashReceiptCode(receipt),
        clientHash: hash,
        createdAt: now,
      },
    });
    await recordAuditEvent(
      tx,
      { tenantId, userId: null },
      {
        action: "opinion.submit",
        entityType: "Opinion",
        entityId: id,
        after: { roundId: round.id, orgId, kind: round.kind, anonymous: input.anonymous },
      },
    );
    return { receipt };
  });
}

/**
 * What a person sees with their receipt code: their own opinion, its answer and rectification
 * status — nothing else. An unknown code (or one of another round) reads as null.
 */
export async function lookupReceipt(token: string, rawCode: string) {
  const owner = await resolveToken(token);
  if (!owner) return null;
  const parsed = ReceiptInput.safeParse({ code: rawCode });
  if (!parsed.success) return null;
  const db = await getDb();
  const rows = await db.$queryRaw<
    { tenantId: string; opinionId: string }[]
  >`SELECT "tenantId"::text AS "tenantId", "opinionId"::text AS "opinionId" FROM app_opinion_for_receipt(${hashReceiptCode(parsed.data.code)})`;
  const hit = rows[0];
  if (!hit || hit.tenantId !== owner.tenantId) return null;
  return withTenant(owner.tenantId, async (tx) => {
    const o = await tx.opinion.findFirst({
      where: { tenantId: owner.tenantId, id: hit.opinionId, roundId: owner.roundId },
      select: {
        body: true,
        createdAt: true,
        answer: true,
        answeredAt: true,
        rectification: true,
        rectificationNote: true,
        rectifiedAt: true,
      },
    });
    return o;
  });
}
