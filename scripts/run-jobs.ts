// One pass of the scheduled jobs over every tenant (reminders, weekly digests), then exit.
// Production: a cron entry every 15 minutes, e.g.
//   */15 * * * *  cd /srv/app && npm run jobs >> /var/log/party-jobs.log 2>&1
// Running it twice for the same period sends nothing new (docs/jobs.md).
import "dotenv/config";
import { runJobsOnce } from "../src/server/jobs/run-jobs";

async function main() {
  const results = await runJobsOnce(new Date(), (line) => console.log(line));
  const failed = results.filter((r) => r.error).length;
  console.log(`jobs: ${results.length} tenant(s), ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
