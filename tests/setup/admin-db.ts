import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

let client: PrismaClient | undefined;

/**
 * A client connected as the database superuser: bypasses row-level security. Tests use it to
 * arrange fixtures and to check what is really in the tables, never to exercise the app.
 */
export function adminDb(): PrismaClient {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url)
    throw new Error("TEST_ADMIN_DATABASE_URL is not set: run through the integration project");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  return client;
}

export async function disconnectAdminDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
