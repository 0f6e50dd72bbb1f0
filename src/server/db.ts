import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/env";

/**
 * The Prisma client, connected as the restricted application role.
 *
 * With DATABASE_URL set it talks to PostgreSQL through `pg`; without it, to an embedded
 * PGlite database in PGLITE_DIR (see docs/decisions/0006-embedded-database.md). In both cases
 * the session runs as `party_app`, so row-level security applies to every query.
 */
export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { partyDb?: Promise<PrismaClient> };

async function createClient(): Promise<PrismaClient> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    return new PrismaClient({ adapter });
  }
  const { openEmbeddedDatabase } = await import("./embedded-db");
  const pglite = await openEmbeddedDatabase(env.PGLITE_DIR);
  // PGlite runs as its superuser; dropping to the app role makes RLS apply exactly as it
  // does on a real server.
  await pglite.exec("SET ROLE party_app");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

export function getDb(): Promise<PrismaClient> {
  globalForDb.partyDb ??= createClient();
  return globalForDb.partyDb;
}

/** Test hook: drop the cached client so the next getDb() reconnects (e.g. another database). */
export async function resetDbForTests(): Promise<void> {
  const current = globalForDb.partyDb;
  globalForDb.partyDb = undefined;
  if (current) await (await current).$disconnect();
}
