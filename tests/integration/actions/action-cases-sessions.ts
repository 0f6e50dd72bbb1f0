import { endSessionAction } from "@/server/actions/account/end-session-action";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import type { ActionCase } from "./action-cases";

// One live session per tenant's admin, opened before the cases run, so the foreign call names a
// real session of tenant B (which must stay live) and the own call a real one of tenant A.
const sessions = new Map<string, string>();

export async function prepareActionFixtures(tenants: TenantFixture[]): Promise<void> {
  for (const t of tenants) {
    const row = await adminDb().userSession.create({
      data: {
        tenantId: t.tenantId,
        userId: t.users.admin!,
        expiresAt: new Date(Date.now() + 8 * 3600_000),
        userAgent: "action isolation fixture",
      },
    });
    sessions.set(t.tenantId, row.id);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type
const run = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);

export const SESSION_CASES: ActionCase[] = [
  {
    name: "endSessionAction",
    run: run(endSessionAction),
    foreign: (_a, b) => ({ id: sessions.get(b.tenantId) }),
    own: (a) => ({ id: sessions.get(a.tenantId) }),
    privileged: false,
    roles: ["admin", "member"],
  },
];
