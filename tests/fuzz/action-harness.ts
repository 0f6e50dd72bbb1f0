/// <reference types="vite/client" />
import type { ActionCase } from "../integration/actions/action-cases";
import { form, setSessionCookie, signInAs, signOut } from "../setup/action-context";
import { createTenantFixture, type TenantFixture } from "../factories/tenant-fixture";

/**
 * The action cases of the isolation harness (every `*_CASES` export of
 * tests/integration/actions/action-cases*.ts), for the fuzzing tests. Importing this module
 * registers the case files' own hooks on the importing test file, as in the isolation test.
 */
export const caseModules = import.meta.glob<Record<string, unknown>>(
  "../integration/actions/action-cases*.ts",
  { eager: true },
);

export const ACTION_CASES: ActionCase[] = Object.values(caseModules).flatMap((module) =>
  Object.entries(module)
    .filter(([name, value]) => name.endsWith("_CASES") && Array.isArray(value))
    .flatMap(([, value]) => value as ActionCase[]),
);

export type Fields = Record<string, string | number | string[] | Blob | undefined>;

/**
 * Tenants "act-a" and "act-b" (the slugs some case files look for) with every case file's
 * extra fixtures.
 */
export async function createFuzzTenants(): Promise<[TenantFixture, TenantFixture]> {
  const a = await createTenantFixture("act-a");
  const b = await createTenantFixture("act-b");
  for (const caseModule of Object.values(caseModules)) {
    const prepare = caseModule.prepareActionFixtures as
      ((tenants: TenantFixture[]) => Promise<void>) | undefined;
    if (typeof prepare === "function") await prepare([a, b]);
  }
  return [a, b];
}

/**
 * Some case files create their rows lazily, on the first call that names them. Each form is sent
 * once without a session (refused before anything is read), so that every such row exists before
 * the first snapshot. Call it from inside a test: the case files' beforeEach hooks have run then.
 */
export async function createLazyCaseRows(tenants: [TenantFixture, TenantFixture]): Promise<void> {
  const [a, b] = tenants;
  signOut();
  for (const testCase of ACTION_CASES) {
    for (const [t, o] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const fields of [testCase.own(t), testCase.foreign(t, o)])
        await testCase.run(form(fields)).catch(() => undefined);
    }
  }
}

// One server-side session per user for a whole run, opened before the first snapshot: a fresh
// session row per call would show up as a change in the caller's tenant.
const sessions = new Map<string, string>();

/** Signs in as the user, reusing the user's one session of this run. */
export async function signInFuzz(tenantId: string, userId: string): Promise<void> {
  const existing = sessions.get(`${tenantId}:${userId}`);
  if (existing) await setSessionCookie({ tenantId, userId, sessionId: existing });
  else sessions.set(`${tenantId}:${userId}`, await signInAs({ tenantId, userId }));
}

/** Opens the session of every fixture user; call it before taking the first snapshot. */
export async function openFuzzSessions(tenants: readonly TenantFixture[]): Promise<void> {
  for (const t of tenants)
    for (const userId of Object.values(t.users)) if (userId) await signInFuzz(t.tenantId, userId);
  signOut();
}
