/**
 * Next's start-up hook. With RUN_JOBS_IN_PROCESS=1 (the demo: one process, embedded database)
 * the scheduled jobs run inside the server: a pass at start and every 15 minutes. Production
 * leaves it unset and runs `npm run jobs` from cron (docs/jobs.md).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.RUN_JOBS_IN_PROCESS !== "1") return;
  const { startInProcessScheduler } = await import("./src/server/jobs/in-process");
  startInProcessScheduler();
}
