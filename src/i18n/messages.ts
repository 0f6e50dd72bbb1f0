import type { Locale } from "./config";

// Messages are split by area (one file per area and locale) so that work on one area never
// touches another's file. Add an area here when you add its two files.
const AREAS = [
  "common",
  "auth",
  "orgs",
  "members",
  "admin",
  "campaigns",
  "activities",
  "pledges",
  "me",
  "dashboard",
  "ratings",
  "tasks",
  "notifications",
  "appraisal",
  "commendations",
  "opinions",
  "sessions",
  "projects",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    AREAS.map(
      async (area) => [area, (await import(`./messages/${locale}/${area}.json`)).default] as const,
    ),
  );
  return Object.fromEntries(entries);
}
