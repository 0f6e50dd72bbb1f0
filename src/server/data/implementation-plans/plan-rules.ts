import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree } from "../../authz/scope";
import type { TenantTx } from "../../tenant-tx";
import { storedDefinition } from "../campaigns/campaign-rules";

/**
 * The plan deadline of a campaign: the end of its first phase (the mobilization phase, 动员部署,
 * seeds 000 and 004). A campaign without phases has no plan deadline: plans can be filed, and
 * none is ever late.
 */
export function planDeadline(definition: Prisma.JsonValue): string | null {
  const phases = [...(storedDefinition(definition).phases ?? [])].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0,
  );
  return phases[0]?.endDate ?? null;
}

/**
 * The organizations a campaign covers for implementation plans: the active colleges and branches
 * of its subtree (the committee that launched it, and party groups, file none).
 */
export function coveredOrgWhere(tenantId: string, rootPath: string): Prisma.OrganizationWhereInput {
  return {
    tenantId,
    validTo: null,
    level: { in: ["COLLEGE", "BRANCH"] },
    path: { startsWith: rootPath + "/" },
  };
}

export function isCovered(
  org: { path: string; level: string; validTo: Date | null },
  rootPath: string,
): boolean {
  return (
    org.validTo === null &&
    (org.level === "COLLEGE" || org.level === "BRANCH") &&
    org.path !== rootPath &&
    isWithinSubtree(org.path, rootPath)
  );
}

/** "YYYY-MM-DD" of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Filed after the deadline day (Asia/Shanghai)? */
export function isFiledLate(filedAt: Date, deadline: string | null): boolean {
  return deadline !== null && shanghaiDay(filedAt) > deadline;
}

export type PlanTx = TenantTx;
export type { Actor };
