import { createHash } from "node:crypto";
import type { PrismaClient } from "../src/generated/prisma/client";
import type { DemoUniversity } from "./demo-data";

/**
 * The public link token of the demo's open opinion round (/o/<token>). A real round's token is
 * random and shown once; the demo's is fixed so that the walkthrough and the end-to-end tests can
 * open it. Only its sha256 is stored, as for any round.
 */
export const DEMO_OPINION_TOKEN = "demo-opinion-round-public-link-2026";
/** The public link token of the demo's open mass-evaluation round. */
export const DEMO_EVALUATION_TOKEN = "demo-evaluation-round-public-link-2026";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const uuidFrom = (key: string) => {
  const h = sha256(key);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const day = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

/**
 * An open opinion round (征求意见) and an open mass evaluation (群众评议) of the demo secretary's
 * branch, with two opinions — one answered and under rectification — so the pages have something
 * to show. Nothing is written when the university has no secretary login.
 */
export async function insertDemoOpinions(
  db: PrismaClient,
  u: DemoUniversity,
  referenceDate: Date,
): Promise<number> {
  const branchId = u.highlights.secretaryBranchId;
  const secretary = u.users.find((x) => x.username === "secretary");
  if (!branchId || !secretary) return 0;
  const tenantId = u.tenant.id;
  const opensOn = day(new Date(referenceDate.getTime() - 30 * 86_400_000));
  const closesOn = day(new Date(referenceDate.getTime() + 60 * 86_400_000));
  const opinionRound = uuidFrom(`${tenantId}|demo-opinion-round`);
  const evaluationRound = uuidFrom(`${tenantId}|demo-evaluation-round`);
  await db.$transaction(async (tx) => {
    await tx.opinionRound.create({
      data: {
        tenantId,
        id: opinionRound,
        kind: "OPINION",
        orgId: branchId,
        title: "支部工作征求意见",
        description: "欢迎师生就支部的学习、服务和作风建设提出意见和建议。可匿名提交。",
        opensOn,
        closesOn,
        tokenHash: sha256(DEMO_OPINION_TOKEN),
        createdById: secretary.id,
      },
    });
    await tx.opinionRound.create({
      data: {
        tenantId,
        id: evaluationRound,
        kind: "EVALUATION",
        orgId: branchId,
        title: "学生对教工党支部服务满意度测评",
        opensOn,
        closesOn,
        questions: [
          { id: "service", label: "服务师生是否用心、及时" },
          { id: "example", label: "党员先锋模范作用发挥得如何" },
          { id: "style", label: "工作作风是否务实、清正" },
          { id: "overall", label: "总体满意度" },
        ],
        tokenHash: sha256(DEMO_EVALUATION_TOKEN),
        createdById: secretary.id,
      },
    });
    const received = new Date(referenceDate.getTime() - 5 * 86_400_000);
    await tx.opinion.createMany({
      data: [
        {
          tenantId,
          id: uuidFrom(`${tenantId}|demo-opinion-1`),
          roundId: opinionRound,
          orgId: branchId,
          category: "SERVICE",
          body: "希望支部联系学生宿舍的老师能固定每周的接待时间。",
          receiptHash: sha256(`receipt:${tenantId}|demo-1`),
          clientHash: sha256(`${tenantId}|demo-client-1`),
          createdAt: received,
          answer: "感谢建议。自下月起每周三下午固定接待，并在支部公告栏公布。",
          answeredAt: new Date(received.getTime() + 86_400_000),
          answeredById: secretary.id,
          rectification: "IN_PROGRESS",
          rectificationNote: "已排出接待表，待公告。",
        },
        {
          tenantId,
          id: uuidFrom(`${tenantId}|demo-opinion-2`),
          roundId: opinionRound,
          orgId: branchId,
          category: "STUDY",
          body: "集中学习可以多安排一些案例讨论。",
          anonymous: false,
          authorName: "李老师",
          authorContact: "li@example.edu.cn",
          receiptHash: sha256(`receipt:${tenantId}|demo-2`),
          clientHash: sha256(`${tenantId}|demo-client-2`),
          createdAt: new Date(received.getTime() + 2 * 3_600_000),
        },
      ],
    });
  });
  return 2;
}
