import { getDb } from "../db";
import { buildDeadlineReminders, DEADLINE_REMINDERS_JOB } from "./deadline-reminders";
import { isClaimed, runClaimed, type JobOutcome } from "./claim";
import { dayKey, weekKey } from "./period-keys";
import { buildWeeklyDigests, WEEKLY_DIGEST_JOB } from "./weekly-digest";

/** Every tenant id, through the definer function (the app role sees no tenant without one set). */
export async function listTenantIds(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT app_list_tenant_ids()::text AS id`;
  return rows.map((r) => r.id);
}

/** All jobs for one tenant at `now`: each claims its own period (see claim.ts). */
export async function runTenantJobs(tenantId: string, now: Date): Promise<JobOutcome[]> {
  const today = dayKey(now);
  const week = weekKey(now);
  const outcomes: JobOutcome[] = [];
  outcomes.push(
    await runClaimed(tenantId, DEADLINE_REMINDERS_JOB, today, (tx) =>
      buildDeadlineReminders(tx, tenantId, today),
    ),
  );
  if (await isClaimed(tenantId, WEEKLY_DIGEST_JOB, week)) {
    outcomes.push({ job: WEEKLY_DIGEST_JOB, periodKey: week, status: "skipped", sent: 0 });
  } else {
    const drafts = await buildWeeklyDigests(tenantId, today, week);
    outcomes.push(await runClaimed(tenantId, WEEKLY_DIGEST_JOB, week, async () => drafts));
  }
  return outcomes;
}

/**
 * One pass over every tenant. A tenant that fails is logged and left for the next pass (its
 * claims rolled back with it); the others still run.
 */
export async function runJobsOnce(
  now: Date = new Date(),
  log: (line: string) => void = () => undefined,
) {
  const results: { tenantId: string; outcomes?: JobOutcome[]; error?: string }[] = [];
  for (const tenantId of await listTenantIds()) {
    try {
      const outcomes = await runTenantJobs(tenantId, now);
      results.push({ tenantId, outcomes });
      for (const o of outcomes)
        log(`${tenantId} ${o.job} ${o.periodKey} ${o.status} sent=${o.sent}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ tenantId, error: message });
      log(`${tenantId} failed: ${message}`);
    }
  }
  return results;
}
