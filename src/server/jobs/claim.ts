import type { Prisma } from "@/generated/prisma/client";
import { withTenant, type TenantTx } from "../tenant-tx";

/** A notification a job wants to send; dedupeKey makes it idempotent per user. */
export type NotificationDraft = {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  dedupeKey: string;
};

export type JobOutcome = {
  job: string;
  periodKey: string;
  status: "done" | "skipped";
  sent: number;
};

/** True when (tenant, job, periodKey) has already been claimed: a cheap check before heavy work. */
export async function isClaimed(
  tenantId: string,
  job: string,
  periodKey: string,
): Promise<boolean> {
  return withTenant(
    tenantId,
    async (tx) =>
      !!(await tx.jobRun.findFirst({ where: { tenantId, job, periodKey }, select: { id: true } })),
  );
}

/**
 * Claims the period and writes the job's notifications in ONE transaction:
 *  1. INSERT JobRun (tenantId, job, periodKey) ON CONFLICT DO NOTHING (createMany skipDuplicates):
 *     no row inserted means the period is already done (or being done by a concurrent runner,
 *     whose uncommitted row makes this INSERT wait, then conflict) → skip;
 *  2. INSERT the notifications, skipping any (tenant, user, dedupeKey) already stored;
 *  3. mark the run finished with a small result.
 * A crash anywhere rolls back all three, so the next pass redoes the period from scratch: the
 * effect is exactly once per period (retry, never a double send). dedupeKey is the second lock:
 * a reminder for the same deadline is never stored twice for a user even across periods.
 */
export async function runClaimed(
  tenantId: string,
  job: string,
  periodKey: string,
  build: (tx: TenantTx) => Promise<NotificationDraft[]>,
): Promise<JobOutcome> {
  return withTenant(
    tenantId,
    async (tx) => {
      const claim = await tx.jobRun.createMany({
        data: [{ tenantId, job, periodKey }],
        skipDuplicates: true,
      });
      if (claim.count === 0) return { job, periodKey, status: "skipped" as const, sent: 0 };
      const drafts = await build(tx);
      const sent =
        drafts.length === 0
          ? 0
          : (
              await tx.notification.createMany({
                data: drafts.map((d) => ({ tenantId, ...d })),
                skipDuplicates: true,
              })
            ).count;
      const result: Prisma.InputJsonValue = { drafts: drafts.length, sent };
      await tx.jobRun.updateMany({
        where: { tenantId, job, periodKey },
        data: { finishedAt: new Date(), result },
      });
      return { job, periodKey, status: "done" as const, sent };
    },
    { timeoutMs: 120_000 },
  );
}
