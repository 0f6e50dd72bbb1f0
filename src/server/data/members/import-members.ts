import { randomUUID } from "node:crypto";
import type { OrgLevel } from "@/generated/prisma/enums";
import type { ImportMemberColumn } from "@/lib/schemas/member";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, orgScopeWhere, requirePermission } from "../../authz/scope";
import { changedFields, recordAuditEvent, type AuditInput } from "../../audit/record-audit-event";
import { conflict } from "../../errors";
import {
  parseRosterFile,
  type ParsedRosterRow,
  type RosterHeaders,
} from "../../import/parse-roster";
import { ROSTER_COLUMNS } from "../../import/roster-columns";
import type { ImportIssue } from "../../import/types";
import { withTenant, type TenantTx } from "../../tenant-tx";
import { dateOnly } from "../organizations/org-rules";
import {
  closeMemberships,
  insertAuditEvents,
  insertMembers,
  insertMemberships,
  updateMembers,
} from "./bulk-writes";
import {
  isoDay,
  isUniqueViolation,
  memberOrgProblem,
  snapshotOf,
  type MemberSnapshot,
} from "./member-rules";

/** How many issues travel back to the browser; the count says how many there were in all. */
const MAX_REPORTED_ISSUES = 1000;
/** Rows per lookup query while planning. */
const CHUNK = 1000;

export type ImportMembersResult =
  | { status: "rejected"; issues: ImportIssue[]; issueCount: number; ignoredColumns: string[] }
  | {
      status: "imported";
      created: number;
      updated: number;
      /** Of the updated, how many changed organization (a transfer on the row's date). */
      transferred: number;
      unchanged: number;
      ignoredColumns: string[];
    };

type OrgRow = { id: string; code: string; level: OrgLevel; validFrom: Date; validTo: Date | null };

type Planned =
  | {
      kind: "create";
      rowNumber: number;
      id: string;
      org: OrgRow;
      from: string;
      fields: MemberSnapshot;
    }
  | {
      kind: "update";
      rowNumber: number;
      id: string;
      version: number;
      currentOrgId: string;
      before: MemberSnapshot;
      after: MemberSnapshot;
      transfer: {
        fromOrgId: string;
        fromOrgCode: string;
        to: OrgRow;
        from: string;
        membershipId: string | null;
      } | null;
    };

/**
 * Imports a roster file (CSV or XLSX). All or nothing: if any row is wrong — in the file, or
 * against the database (unknown organization code, member outside the actor's scope ...) —
 * nothing is written and every problem is reported by row, column and reason. Idempotent on
 * the member number: an identical member is left alone (no write, no audit event), a changed
 * one is updated, a new number is created; a changed organization is a transfer.
 */
export async function importMembers(
  actor: Actor,
  file: { fileName: string; bytes: Uint8Array },
): Promise<ImportMembersResult> {
  requirePermission(actor, "member.manage");
  const parsed = await parseRosterFile(file);
  if (!parsed.ok) return rejected(parsed.issues, parsed.ignoredColumns);
  const { rows, headers, ignoredColumns, format } = parsed;

  try {
    return await withTenant(
      actor.tenantId,
      async (tx) => {
        const plan = await planImport(tx, actor, rows, headers);
        if ("issues" in plan) return rejected(plan.issues, ignoredColumns);
        const counts = await applyImport(tx, actor, plan.planned);
        await recordAuditEvent(tx, actor, {
          action: "member.import",
          entityType: "Member",
          after: {
            fileName: file.fileName.slice(0, 200),
            format,
            rows: rows.length,
            ...counts,
            unchanged: plan.unchanged,
          },
        });
        return {
          status: "imported" as const,
          ...counts,
          unchanged: plan.unchanged,
          ignoredColumns,
        };
      },
      // Measured on 2 cores: 20,000 new members in about 10 s; the limit leaves room for a slow disk.
      { timeoutMs: 120_000 },
    );
  } catch (error) {
    // A member number inserted by someone else while this import ran.
    if (isUniqueViolation(error)) throw conflict("导入期间名册被他人修改，请重新导入");
    throw error;
  }
}

function rejected(issues: ImportIssue[], ignoredColumns: string[]): ImportMembersResult {
  return {
    status: "rejected",
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    issueCount: issues.length,
    ignoredColumns,
  };
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Checks every row against the database and decides what to write; writes nothing. */
async function planImport(
  tx: TenantTx,
  actor: Actor,
  rows: ParsedRosterRow[],
  headers: RosterHeaders,
): Promise<{ issues: ImportIssue[] } | { planned: Planned[]; unchanged: number }> {
  const column = (key: ImportMemberColumn) =>
    headers[key] ?? ROSTER_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const issues: ImportIssue[] = [];
  const issue = (row: ParsedRosterRow, key: ImportMemberColumn, reason: string) =>
    issues.push({ row: row.rowNumber, column: column(key), reason });

  // Organizations are looked up only inside the actor's member.manage scope: an existing code
  // elsewhere gets the same answer as an unknown one.
  const codes = [...new Set(rows.map((r) => r.data.orgCode))];
  const orgByCode = new Map<string, OrgRow>();
  for (const part of chunks(codes)) {
    const orgs = await tx.organization.findMany({
      where: { AND: [orgScopeWhere(actor, "member.manage"), { code: { in: part } }] },
      select: { id: true, code: true, level: true, validFrom: true, validTo: true },
    });
    for (const org of orgs) orgByCode.set(org.code, org);
  }

  // Numbers are unique per tenant, so existing members are found tenant-wide; one outside the
  // actor's scope is refused below rather than silently duplicated.
  const existingByNumber = new Map<string, Awaited<ReturnType<typeof loadExisting>>[number]>();
  for (const part of chunks(rows.map((r) => r.data.number))) {
    for (const member of await loadExisting(tx, actor.tenantId, part))
      existingByNumber.set(member.number, member);
  }
  const openMembership = new Map<string, { id: string; validFrom: Date }>();
  for (const part of chunks([...existingByNumber.values()].map((m) => m.id))) {
    const memberships = await tx.membership.findMany({
      where: { tenantId: actor.tenantId, memberId: { in: part }, validTo: null },
      orderBy: { validFrom: "asc" },
      select: { id: true, memberId: true, validFrom: true },
    });
    for (const m of memberships)
      openMembership.set(m.memberId, { id: m.id, validFrom: m.validFrom });
  }

  const today = todayInShanghai();
  const planned: Planned[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const data = row.data;
    const org = orgByCode.get(data.orgCode);
    if (!org) {
      issue(row, "orgCode", `组织编码“${data.orgCode}”不存在或不在您的管理范围内`);
      continue;
    }
    const from = data.orgFrom ?? today;
    if (from > today) {
      issue(row, "orgFrom", "日期不能晚于今天");
      continue;
    }
    const existing = existingByNumber.get(data.number);

    if (!existing) {
      const problem = memberOrgProblem(org, from);
      if (problem) {
        issue(row, problem.field === "org" ? "orgCode" : "orgFrom", problem.message);
        continue;
      }
      planned.push({
        kind: "create",
        rowNumber: row.rowNumber,
        id: randomUUID(),
        org,
        from,
        fields: {
          number: data.number,
          name: data.name,
          gender: data.gender,
          birthDate: data.birthDate ?? null,
          phone: data.phone ?? null,
          status: data.status,
          category: data.category,
          cadreLevel: data.cadreLevel ?? "NONE",
          positions: data.positions ?? [],
          developmentStage: data.developmentStage,
          joinedAt: data.joinedAt ?? null,
          fullMemberAt: data.fullMemberAt ?? null,
        },
      });
      continue;
    }

    if (!can(actor, "member.manage", existing.org.path)) {
      issue(row, "number", "该党员编号已被您管理范围之外的党员使用");
      continue;
    }
    if (existing.leftAt) {
      issue(row, "number", `该党员已于 ${isoDay(existing.leftAt)} 离开本校，不能通过导入修改`);
      continue;
    }
    const before = snapshotOf(existing);
    // A column the file does not have keeps what the record holds.
    const after: MemberSnapshot = {
      ...before,
      name: data.name,
      gender: data.gender,
      status: data.status,
      category: data.category,
      developmentStage: data.developmentStage,
      ...(data.birthDate !== undefined && { birthDate: data.birthDate }),
      ...(data.phone !== undefined && { phone: data.phone }),
      ...(data.cadreLevel !== undefined && { cadreLevel: data.cadreLevel }),
      ...(data.positions !== undefined && { positions: data.positions }),
      ...(data.joinedAt !== undefined && { joinedAt: data.joinedAt }),
      ...(data.fullMemberAt !== undefined && { fullMemberAt: data.fullMemberAt }),
    };
    if (after.status === "PROBATIONARY" && after.fullMemberAt) {
      issue(
        row,
        data.fullMemberAt !== undefined ? "fullMemberAt" : "status",
        "预备党员不应有转正日期（名册中已有转正日期）",
      );
      continue;
    }
    let transfer: Extract<Planned, { kind: "update" }>["transfer"] = null;
    if (org.id !== existing.orgId) {
      const problem = memberOrgProblem(org, from);
      if (problem) {
        issue(row, problem.field === "org" ? "orgCode" : "orgFrom", problem.message);
        continue;
      }
      const current = openMembership.get(existing.id);
      if (current && dateOnly(from) <= current.validFrom) {
        issue(
          row,
          headers.orgFrom ? "orgFrom" : "orgCode",
          `更换组织的日期（${from}）须晚于进入当前组织的日期（${isoDay(current.validFrom)}）；请在“进入组织日期”列填写转入日期`,
        );
        continue;
      }
      transfer = {
        fromOrgId: existing.orgId,
        fromOrgCode: existing.org.code,
        to: org,
        from,
        membershipId: current?.id ?? null,
      };
    }
    const changed = Object.keys(changedFields(before, after).after).length > 0;
    if (!changed && !transfer) {
      unchanged++;
      continue;
    }
    planned.push({
      kind: "update",
      rowNumber: row.rowNumber,
      id: existing.id,
      version: existing.version,
      currentOrgId: existing.orgId,
      before,
      after,
      transfer,
    });
  }
  return issues.length ? { issues } : { planned, unchanged };
}

function loadExisting(tx: TenantTx, tenantId: string, numbers: string[]) {
  return tx.member.findMany({
    where: { tenantId, number: { in: numbers } },
    include: { org: { select: { path: true, code: true } } },
  });
}

async function applyImport(tx: TenantTx, actor: Actor, planned: Planned[]) {
  const tenantId = actor.tenantId;
  const creates = planned.filter(
    (p): p is Extract<Planned, { kind: "create" }> => p.kind === "create",
  );
  const updates = planned.filter(
    (p): p is Extract<Planned, { kind: "update" }> => p.kind === "update",
  );
  const transfers = updates.flatMap((u) =>
    u.transfer ? [{ ...u.transfer, memberId: u.id, rowNumber: u.rowNumber }] : [],
  );
  const events: AuditInput[] = [];

  await insertMembers(
    tx,
    tenantId,
    creates.map((c) => ({ id: c.id, orgId: c.org.id, snapshot: c.fields })),
  );
  for (const c of creates) {
    events.push({
      action: "member.create",
      entityType: "Member",
      entityId: c.id,
      after: {
        ...c.fields,
        orgId: c.org.id,
        orgCode: c.org.code,
        orgFrom: c.from,
        source: "import",
        row: c.rowNumber,
      },
    });
  }

  const updated = await updateMembers(
    tx,
    tenantId,
    updates.map((u) => ({
      id: u.id,
      version: u.version,
      orgId: u.transfer?.to.id ?? u.currentOrgId,
      snapshot: u.after,
    })),
  );
  // Someone edited one of these members after we read it: the whole import rolls back.
  if (updated !== updates.length) throw conflict("导入期间名册被他人修改，请重新导入");
  for (const u of updates) {
    const diff = changedFields(u.before, u.after);
    if (Object.keys(diff.after).length === 0) continue;
    events.push({
      action: "member.update",
      entityType: "Member",
      entityId: u.id,
      before: diff.before,
      after: { ...diff.after, source: "import", row: u.rowNumber },
    });
  }

  await closeMemberships(
    tx,
    tenantId,
    transfers.flatMap((t) => (t.membershipId ? [{ id: t.membershipId, validTo: t.from }] : [])),
  );
  await insertMemberships(tx, tenantId, [
    ...creates.map((c) => ({
      memberId: c.id,
      orgId: c.org.id,
      validFrom: c.from,
      reason: "名册导入",
    })),
    ...transfers.map((t) => ({
      memberId: t.memberId,
      orgId: t.to.id,
      validFrom: t.from,
      reason: "名册导入",
    })),
  ]);
  for (const t of transfers) {
    events.push({
      action: "member.transfer",
      entityType: "Member",
      entityId: t.memberId,
      before: { orgId: t.fromOrgId, orgCode: t.fromOrgCode },
      after: {
        orgId: t.to.id,
        orgCode: t.to.code,
        effectiveDate: t.from,
        source: "import",
        row: t.rowNumber,
      },
    });
  }
  await insertAuditEvents(tx, actor, events);
  return { created: creates.length, updated: updates.length, transferred: transfers.length };
}
