import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { cloneTemplate } from "./databases";
import { APP_ROLE, APP_ROLE_PASSWORD } from "./postgres";

// One database per test file, cloned from the migrated template: files never see each other's rows.
const port = inject("pgPort");
const name = `t_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
const admin = (db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`;
await cloneTemplate(admin, name);

process.env.DATABASE_URL = `postgresql://${APP_ROLE}:${APP_ROLE_PASSWORD}@127.0.0.1:${port}/${name}`;
process.env.TEST_ADMIN_DATABASE_URL = admin(name);
process.env.DATABASE_POOL_SIZE = "4";

afterAll(async () => {
  const { resetDbForTests } = await import("@/server/db");
  await resetDbForTests();
  const { disconnectAdminDb } = await import("./admin-db");
  await disconnectAdminDb();
});
