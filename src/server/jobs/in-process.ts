import { runJobsOnce } from "./run-jobs";

export const JOB_INTERVAL_MS = 15 * 60 * 1000;

let started = false;

/**
 * The demo's scheduler (single process, embedded database): one pass now, then every 15
 * minutes. The timer is unref'd so it never keeps the process alive, and a pass still running
 * when the next tick comes is not overlapped. Production uses `npm run jobs` from cron instead.
 */
export function startInProcessScheduler(): void {
  if (started) return;
  started = true;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce(new Date(), (line) => console.log(`[jobs] ${line}`));
    } catch (error) {
      console.error("[jobs] pass failed", error);
    } finally {
      running = false;
    }
  };
  void pass();
  setInterval(() => void pass(), JOB_INTERVAL_MS).unref();
}
