import type { TestProject } from "vitest/node";
import { prepareTemplate } from "./databases";
import { startPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgPort: number;
  }
}

/**
 * Starts PostgreSQL for the integration tests unless `npm test` already started one
 * (TEST_PG_PORT), prepares the migrated template database, and stops the server afterwards.
 */
export default async function setup(project: TestProject) {
  const existingPort = process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : null;
  const server = existingPort ? null : await startPostgres();
  const port = existingPort ?? server!.port;
  await prepareTemplate((db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`);
  project.provide("pgPort", port);
  return () => server?.stop();
}
