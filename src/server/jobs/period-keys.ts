import { todayInShanghai } from "@/lib/format";

/**
 * Period keys of scheduled jobs. A job claims (tenant, job, periodKey) once: the key says which
 * period a run is for, so a repeated run for the same period finds its claim and does nothing.
 * All keys are computed in Asia/Shanghai, the users' calendar.
 */

/** The day key "YYYY-MM-DD" (daily jobs such as deadline reminders). */
export function dayKey(now: Date): string {
  return todayInShanghai(now);
}

/** The ISO-8601 week key "YYYY-Www" of a "YYYY-MM-DD" day (weekly digests; weeks start Monday). */
export function isoWeekKeyOfDay(day: string): string {
  const date = new Date(day + "T00:00:00Z");
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function weekKey(now: Date): string {
  return isoWeekKeyOfDay(dayKey(now));
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + "T00:00:00Z") + n * 86_400_000).toISOString().slice(0, 10);
}
