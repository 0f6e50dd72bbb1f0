import { createHash } from "node:crypto";
import { answerOpinionAction } from "@/server/actions/opinions/answer-opinion-action";
import { closeRoundAction } from "@/server/actions/opinions/close-round-action";
import { createRoundAction } from "@/server/actions/opinions/create-round-action";
import { rotateRoundLinkAction } from "@/server/actions/opinions/rotate-round-link-action";
import { updateRectificationAction } from "@/server/actions/opinions/update-rectification-action";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import type { ActionCase } from "./action-cases";

// Each tenant gets one open opinion round on branch b11 with one opinion; the ids derive from the
// tenant id so that the synchronous `foreign`/`own` builders can name them.
function derivedUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const roundOf = (t: TenantFixture) => derivedUuid(`opinion-round|${t.tenantId}`);
const opinionOf = (t: TenantFixture) => derivedUuid(`opinion|${t.tenantId}`);

export async function prepareActionFixtures(tenants: TenantFixture[]): Promise<void> {
  const db = adminDb();
  for (const t of tenants) {
    const roundId = roundOf(t);
    if (await db.opinionRound.findFirst({ where: { tenantId: t.tenantId, id: roundId } })) continue;
    await db.opinionRound.create({
      data: {
        tenantId: t.tenantId,
        id: roundId,
        kind: "OPINION",
        orgId: t.orgs.b11!.id,
        title: "征求意见测试",
        opensOn: new Date("2020-01-01T00:00:00Z"),
        closesOn: new Date("2099-12-31T00:00:00Z"),
        tokenHash: createHash("sha256").update(`token-${roundId}`).digest("hex"),
        createdById: t.users.admin!,
      },
    });
    await db.opinion.create({
      data: {
        tenantId: t.tenantId,
        id: opinionOf(t),
        roundId,
        orgId: t.orgs.b11!.id,
        category: "OTHER",
        body: "意见",
        receiptHash: createHash("sha256").update(`receipt-${roundId}`).digest("hex"),
        clientHash: "x",
      },
    });
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type
const run = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);

const roundFields = (orgId: string) => ({
  kind: "OPINION",
  orgId,
  title: "新一轮征求意见",
  opensOn: "2026-01-01",
  closesOn: "2026-12-31",
});

export const OPINION_CASES: ActionCase[] = [
  {
    name: "createRoundAction (another tenant's organization)",
    run: run(createRoundAction),
    foreign: (_a, b) => roundFields(b.orgs.b11!.id),
    own: (a) => roundFields(a.orgs.b11!.id),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "rotateRoundLinkAction (another tenant's round)",
    run: run(rotateRoundLinkAction),
    foreign: (_a, b) => ({ roundId: roundOf(b) }),
    own: (a) => ({ roundId: roundOf(a) }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "closeRoundAction (another tenant's round)",
    run: run(closeRoundAction),
    foreign: (_a, b) => ({ roundId: roundOf(b), version: 1 }),
    own: (a) => ({ roundId: roundOf(a), version: 1 }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "answerOpinionAction (another tenant's opinion)",
    run: run(answerOpinionAction),
    foreign: (_a, b) => ({ opinionId: opinionOf(b), version: 1, answer: "已收到" }),
    own: (a) => ({ opinionId: opinionOf(a), version: 1, answer: "已收到" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "updateRectificationAction (another tenant's opinion)",
    run: run(updateRectificationAction),
    foreign: (_a, b) => ({
      opinionId: opinionOf(b),
      version: 1,
      status: "IN_PROGRESS",
      note: "正在整改",
    }),
    own: (a) => ({ opinionId: opinionOf(a), version: 1, status: "IN_PROGRESS", note: "正在整改" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
];
