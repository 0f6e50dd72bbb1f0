// Prisma CLI configuration (Prisma 7 reads the database URL from here, not from the
// schema, and does not load .env by itself).
//
// The CLI's migrate commands cannot run on our machines (no schema-engine binary; see
// docs/decisions/0003-offline-migrations.md): use `npm run db:migrate` /
// `npm run db:migration:create`, which read the same schema and migrations folder.
import "dotenv/config";
import { defineConfig } from "prisma/config";

// Migrations must run as the owner / superuser role, never as the restricted app role
// that DATABASE_URL names, so MIGRATE_DATABASE_URL wins when both are set (same rule
// as scripts/migrate.ts). With neither set (embedded PGlite mode, or `prisma generate`
// on a clean checkout) no datasource is configured instead of throwing, as
// `env("DATABASE_URL")` would.
const url = process.env.MIGRATE_DATABASE_URL || process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  ...(url ? { datasource: { url } } : {}),
});
