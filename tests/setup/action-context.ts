import { addHours } from "date-fns";
import { encode } from "next-auth/jwt";
import { adminDb } from "./admin-db";

/**
 * Server actions read the session from Next's request cookies. In integration tests the
 * request is simulated here: `signInAs` puts a real next-auth session token (encrypted with the
 * test secret, exactly what the login route sets) in the cookie jar, and the action resolves the
 * actor through the real getActor → loadActor path. Only Next's request plumbing is replaced.
 *
 * In a test file:
 *   vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
 *   vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);
 */
const SECRET = "integration-test-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET = SECRET;

const jar = new Map<string, string>();
const requestHeaders = new Map<string, string>();

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers([...requestHeaders]),
};

export const nextCacheMock = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
};

/**
 * Signs in as a user: opens a real server-side session row (as a login does) and puts the
 * cookie naming it in the jar. Returns the session id.
 */
export async function signInAs(session: {
  tenantId: string;
  userId: string;
  sessionVersion?: number;
}): Promise<string> {
  jar.clear();
  const now = new Date();
  const row = await adminDb().userSession.create({
    data: {
      tenantId: session.tenantId,
      userId: session.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: addHours(now, 8),
      userAgent: "integration test",
    },
  });
  await setSessionCookie({ ...session, sessionId: row.id });
  return row.id;
}

/** Puts a session cookie for an existing session in the jar (e.g. one opened by a real login). */
export async function setSessionCookie(session: {
  tenantId: string;
  userId: string;
  sessionId: string;
  sessionVersion?: number;
}): Promise<void> {
  jar.clear();
  const token = await encode({
    token: {
      uid: session.userId,
      tid: session.tenantId,
      sv: session.sessionVersion ?? 1,
      sid: session.sessionId,
    },
    secret: SECRET,
  });
  jar.set("next-auth.session-token", token);
}

export function signOut(): void {
  jar.clear();
}

/** FormData from a plain object (arrays become repeated fields). */
export function form(
  fields: Record<string, string | number | string[] | Blob | undefined>,
): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) fd.append(key, v);
    else fd.append(key, value instanceof Blob ? value : String(value));
  }
  return fd;
}
