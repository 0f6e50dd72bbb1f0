import { noteTenantWrite } from "../../data-version";
import { randomUUID } from "node:crypto";
import type { Actor } from "../../authz/actor";
import type { AuditInput } from "../../audit/record-audit-event";
import type { TenantTx } from "../../tenant-tx";
import type { MemberSnapshot } from "./member-rules";

/*
 * Set-based writes for the roster import. Prisma's createMany costs about 2 ms per member row
 * here (measured: 5,000 members 10.7 s), which puts a 20,000-row import past any request
 * timeout; one INSERT … SELECT FROM unnest(arrays) does 20,000 in about 3 s. The statements run
 * in the caller's tenant transaction, so row-level security still applies, and every one names
 * the tenant explicitly as well.
 *
 * Keep the column lists in step with prisma/schema.prisma: a new NOT NULL column without a
 * default fails these statements (loudly) until it is added here.
 */

const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Member.positions codes never contain a comma (they are MEMBER_POSITIONS), so a joined string round-trips. */
const joinPositions = (positions: string[]) => positions.join(",");

function columns(rows: { snapshot: MemberSnapshot }[]) {
  const s = rows.map((r) => r.snapshot);
  return {
    numbers: s.map((m) => m.number),
    names: s.map((m) => m.name),
    genders: s.map((m) => m.gender as string),
    birthDates: s.map((m) => m.birthDate),
    phones: s.map((m) => m.phone),
    statuses: s.map((m) => m.status as string),
    categories: s.map((m) => m.category as string),
    cadreLevels: s.map((m) => m.cadreLevel as string),
    positions: s.map((m) => joinPositions(m.positions)),
    stages: s.map((m) => m.developmentStage as string),
    joinedAts: s.map((m) => m.joinedAt),
    fullMemberAts: s.map((m) => m.fullMemberAt),
  };
}

export async function insertMembers(
  tx: TenantTx,
  tenantId: string,
  rows: { id: string; orgId: string; snapshot: MemberSnapshot }[],
) {
  for (const part of chunks(rows)) {
    const c = columns(part);
    await tx.$executeRaw`
      INSERT INTO "Member" ("tenantId", "id", "orgId", "number", "name", "gender", "birthDate", "phone", "status", "category",
                            "cadreLevel", "positions", "developmentStage", "joinedAt", "fullMemberAt", "version", "updatedAt")
      SELECT ${tenantId}::uuid, v.id, v.org_id, v.number, v.name, v.gender::"Gender", v.birth_date::date, v.phone,
             v.status::"MemberStatus", v.category::"MemberCategory", v.cadre_level::"CadreLevel",
             string_to_array(v.positions, ','), v.stage::"DevelopmentStage", v.joined_at::date, v.full_member_at::date, 1, now()
        FROM unnest(${part.map((r) => r.id)}::uuid[], ${part.map((r) => r.orgId)}::uuid[], ${c.numbers}::text[], ${c.names}::text[],
                    ${c.genders}::text[], ${c.birthDates}::text[], ${c.phones}::text[], ${c.statuses}::text[], ${c.categories}::text[],
                    ${c.cadreLevels}::text[], ${c.positions}::text[], ${c.stages}::text[], ${c.joinedAts}::text[], ${c.fullMemberAts}::text[])
          AS v(id, org_id, number, name, gender, birth_date, phone, status, category, cadre_level, positions, stage, joined_at, full_member_at)`;
  }
}

/**
 * Writes new field values (and organization) for members still at `version`; returns how many
 * rows matched. Fewer than given means someone changed a member meanwhile.
 */
export async function updateMembers(
  tx: TenantTx,
  tenantId: string,
  rows: { id: string; version: number; orgId: string; snapshot: MemberSnapshot }[],
): Promise<number> {
  let updated = 0;
  for (const part of chunks(rows)) {
    const c = columns(part);
    updated += await tx.$executeRaw`
      UPDATE "Member" AS m
         SET "orgId" = v.org_id, "number" = v.number, "name" = v.name, "gender" = v.gender::"Gender",
             "birthDate" = v.birth_date::date, "phone" = v.phone, "status" = v.status::"MemberStatus",
             "category" = v.category::"MemberCategory", "cadreLevel" = v.cadre_level::"CadreLevel",
             "positions" = string_to_array(v.positions, ','), "developmentStage" = v.stage::"DevelopmentStage",
             "joinedAt" = v.joined_at::date, "fullMemberAt" = v.full_member_at::date,
             "version" = m."version" + 1, "updatedAt" = now()
        FROM unnest(${part.map((r) => r.id)}::uuid[], ${part.map((r) => r.version)}::int[], ${part.map((r) => r.orgId)}::uuid[],
                    ${c.numbers}::text[], ${c.names}::text[], ${c.genders}::text[], ${c.birthDates}::text[], ${c.phones}::text[],
                    ${c.statuses}::text[], ${c.categories}::text[], ${c.cadreLevels}::text[], ${c.positions}::text[], ${c.stages}::text[],
                    ${c.joinedAts}::text[], ${c.fullMemberAts}::text[])
          AS v(id, version, org_id, number, name, gender, birth_date, phone, status, category, cadre_level, positions, stage, joined_at, full_member_at)
       WHERE m."tenantId" = ${tenantId}::uuid AND m."id" = v.id AND m."version" = v.version`;
  }
  return updated;
}

export async function insertMemberships(
  tx: TenantTx,
  tenantId: string,
  rows: { memberId: string; orgId: string; validFrom: string; reason: string }[],
) {
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "Membership" ("tenantId", "id", "memberId", "orgId", "validFrom", "reason")
      SELECT ${tenantId}::uuid, v.id, v.member_id, v.org_id, v.valid_from::date, v.reason
        FROM unnest(${part.map(() => randomUUID())}::uuid[], ${part.map((r) => r.memberId)}::uuid[], ${part.map((r) => r.orgId)}::uuid[],
                    ${part.map((r) => r.validFrom)}::text[], ${part.map((r) => r.reason)}::text[])
          AS v(id, member_id, org_id, valid_from, reason)`;
  }
}

/** Closes open memberships on the given dates. */
export async function closeMemberships(
  tx: TenantTx,
  tenantId: string,
  rows: { id: string; validTo: string }[],
) {
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "Membership" AS ms SET "validTo" = v.valid_to::date
        FROM unnest(${part.map((r) => r.id)}::uuid[], ${part.map((r) => r.validTo)}::text[]) AS v(id, valid_to)
       WHERE ms."tenantId" = ${tenantId}::uuid AND ms."id" = v.id AND ms."validTo" IS NULL`;
  }
}

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * Many audit events in one statement: the same rows recordAuditEvent writes one at a time
 * (20,000 of those take about 100 s here).
 */
export async function insertAuditEvents(
  tx: TenantTx,
  actor: Pick<Actor, "tenantId" | "userId">,
  events: AuditInput[],
) {
  if (events.length > 0) noteTenantWrite(tx);
  for (const part of chunks(events)) {
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("tenantId", "id", "actorUserId", "action", "entityType", "entityId", "before", "after")
      SELECT ${actor.tenantId}::uuid, v.id, ${actor.userId}::uuid, v.action, v.entity_type, v.entity_id, v.before::jsonb, v.after::jsonb
        FROM unnest(${part.map(() => randomUUID())}::uuid[], ${part.map((e) => e.action)}::text[], ${part.map((e) => e.entityType)}::text[],
                    ${part.map((e) => e.entityId ?? null)}::text[], ${part.map((e) => json(e.before))}::text[], ${part.map((e) => json(e.after))}::text[])
          AS v(id, action, entity_type, entity_id, before, after)`;
  }
}
