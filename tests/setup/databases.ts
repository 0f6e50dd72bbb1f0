import pg from "pg";
import { deployMigrations } from "../../scripts/migrate";
import { APP_ROLE, APP_ROLE_PASSWORD } from "./postgres";

export const TEMPLATE_DB = "party_template";

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the template database with every migration applied and lets the app role log in.
 * Each test file then clones it (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
 */
export async function prepareTemplate(adminUrl: (db?: string) => string): Promise<void> {
  await withClient(adminUrl(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  await deployMigrations({ url: adminUrl(TEMPLATE_DB) });
  await withClient(adminUrl(), (c) =>
    c.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE_PASSWORD}'`),
  );
}

export async function cloneTemplate(
  adminUrl: (db?: string) => string,
  name: string,
): Promise<void> {
  await withClient(adminUrl(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  });
}
