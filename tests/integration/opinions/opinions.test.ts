import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/server/authz/actor";
import { getEvidenceForDownload } from "@/server/data/activities/activity-evidence";
import { getCampaignSummary } from "@/server/data/dashboard/get-campaign-summary";
import { answerOpinion, updateRectification } from "@/server/data/opinions/answer-opinion";
import { closeRound } from "@/server/data/opinions/close-round";
import { createRound, rotateRoundLink } from "@/server/data/opinions/create-round";
import { getRoundDetail, listRounds } from "@/server/data/opinions/list-rounds";
import { pointsForAverage, RATE_PER_ROUND_PER_MINUTE } from "@/server/data/opinions/opinion-rules";
import { getPublicRound, submitPublicOpinion } from "@/server/data/opinions/public-opinion";
import { computeRatings } from "@/server/data/ratings/compute-ratings";
import { isAppError } from "@/server/errors";
import { POST as submitRoute } from "../../../app/api/o/[token]/route";
import { POST as receiptRoute } from "../../../app/api/o/[token]/receipt/route";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

const evidenceDir = mkdtempSync(path.join(tmpdir(), "opinion-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const png = () => new File([PNG], "rectified.png", { type: "image/png" });

// Rounds open today: the year the tests run in (so a closed evaluation round can feed that year's rating).
const YEAR = Number(
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(
    new Date(),
  ),
);
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;

let a: TenantFixture;
let b: TenantFixture;
let admin: Actor;
let secretary: Actor;
let leader: Actor;
let inspector: Actor;
let member: Actor;
let bAdmin: Actor;

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    if (error instanceof ZodError) return "VALIDATION";
    throw error;
  }
}

async function fieldErrorsOf(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors ?? {};
    if (error instanceof ZodError)
      return Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
    throw error;
  }
  return null;
}

const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  submitRoute(
    new Request(`http://localhost/api/o/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "test-agent", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ token }) },
  );

const opinionCount = (tenantId: string) => adminDb().opinion.count({ where: { tenantId } });
const auditCount = (tenantId: string, action: string) =>
  adminDb().auditEvent.count({ where: { tenantId, action } });

async function campaignFor(t: TenantFixture, rating?: object): Promise<string> {
  const id = crypto.randomUUID();
  await adminDb().campaign.create({
    data: {
      tenantId: t.tenantId,
      id,
      name: "征求意见测试活动",
      startDate: new Date(`${FROM}T00:00:00Z`),
      endDate: new Date(`${TO}T00:00:00Z`),
      rootOrgId: t.orgs.school!.id,
      status: "ACTIVE",
      definition: {
        id,
        startDate: FROM,
        endDate: TO,
        quotas: [
          {
            id: "study",
            name: "集中学习",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "calendarYear" },
            metric: "count",
            activity: { types: ["CONCENTRATED_STUDY"] },
            target: { op: "atLeast", value: 10 },
          },
        ],
        ...(rating ? { rating } : {}),
      },
    },
  });
  return id;
}

let roundId: string;
let token: string;
let bRoundId: string;
let bToken: string;

beforeAll(async () => {
  a = await createTenantFixture("op-a");
  b = await createTenantFixture("op-b");
  [admin, secretary, leader, inspector, member] = await Promise.all([
    a.actor("admin"),
    a.actor("secretary"),
    a.actor("leader"),
    a.actor("inspector"),
    a.actor("member"),
  ]);
  bAdmin = await b.actor("admin");
  ({ id: roundId, token } = await createRound(secretary, {
    kind: "OPINION",
    orgId: a.orgs.b11!.id,
    title: "支部工作征求意见",
    opensOn: FROM,
    closesOn: TO,
  }));
  ({ id: bRoundId, token: bToken } = await createRound(bAdmin, {
    kind: "OPINION",
    orgId: b.orgs.school!.id,
    title: "乙校征求意见",
    opensOn: FROM,
    closesOn: TO,
  }));
});

describe("opening a round", () => {
  it("stores only the token's sha256 and audits the opening", async () => {
    const row = await adminDb().opinionRound.findFirstOrThrow({ where: { id: roundId } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await auditCount(a.tenantId, "opinion.openRound")).toBe(1);
  });

  it("lets a secretary open rounds only for their own branch, and refuses readers and members", async () => {
    const fields = { kind: "OPINION" as const, title: "x", opensOn: FROM, closesOn: TO };
    expect(
      await fieldErrorsOf(() => createRound(secretary, { ...fields, orgId: a.orgs.b12!.id })),
    ).toHaveProperty("orgId");
    expect(
      await fieldErrorsOf(() => createRound(admin, { ...fields, orgId: b.orgs.b11!.id })),
    ).toHaveProperty("orgId");
    expect(await codeOf(() => createRound(leader, { ...fields, orgId: a.orgs.b11!.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(() => createRound(inspector, { ...fields, orgId: a.orgs.b11!.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(() => createRound(member, { ...fields, orgId: a.orgs.b11!.id }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await fieldErrorsOf(() =>
        createRound(admin, { ...fields, orgId: a.orgs.b11!.id, closesOn: "2000-01-01" }),
      ),
    ).toHaveProperty("closesOn");
    expect(await adminDb().opinionRound.count({ where: { tenantId: a.tenantId } })).toBe(1);
  });

  it("a rotated link replaces the old one", async () => {
    const { id, token: first } = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.c2!.id,
      title: "轮换测试",
      opensOn: FROM,
      closesOn: TO,
    });
    const { token: second } = await rotateRoundLink(admin, { roundId: id });
    expect(await getPublicRound(first)).toBeNull();
    expect((await getPublicRound(second))?.title).toBe("轮换测试");
    expect(await codeOf(() => rotateRoundLink(secretary, { roundId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(() => rotateRoundLink(bAdmin, { roundId: id }))).toBe("NOT_FOUND");
  });
});

describe("tenant isolation", () => {
  it("a token resolves to its own tenant's round only, and ids of another tenant read as not found", async () => {
    expect((await getPublicRound(token))?.title).toBe("支部工作征求意见");
    expect((await getPublicRound(bToken))?.title).toBe("乙校征求意见");
    expect(await getPublicRound("x".repeat(43))).toBeNull();
    expect(await getPublicRound("../../etc/passwd")).toBeNull();
    expect(await codeOf(() => getRoundDetail(bAdmin, roundId))).toBe("NOT_FOUND");
    expect(await codeOf(() => getRoundDetail(admin, bRoundId))).toBe("NOT_FOUND");
    expect((await listRounds(bAdmin)).map((r) => r.id)).toEqual([bRoundId]);
    // A tenant-A organization cannot be named on tenant B's public form.
    const response = await post(bToken, { body: "意见", anonymous: true, orgId: a.orgs.b11!.id });
    expect(response.status).toBe(400);
    expect(await opinionCount(b.tenantId)).toBe(0);
  });
});

describe("the public submit path", () => {
  it("accepts an anonymous opinion and returns only a receipt", async () => {
    const before = await opinionCount(a.tenantId);
    const response = await post(
      token,
      { body: "希望增加学习交流", category: "STUDY", anonymous: true },
      { "x-forwarded-for": "10.0.0.1" },
    );
    expect(response.status).toBe(201);
    const json = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["ok", "receipt"]);
    expect(json.receipt).toMatch(/^[A-Z2-9]{12}$/);
    expect(await opinionCount(a.tenantId)).toBe(before + 1);
    const row = await adminDb().opinion.findFirstOrThrow({
      where: { tenantId: a.tenantId, body: "希望增加学习交流" },
    });
    expect(row.orgId).toBe(a.orgs.b11!.id);
    expect(row.authorName).toBeNull();
    // No raw address is stored anywhere in the row.
    expect(JSON.stringify(row)).not.toContain("10.0.0.1");
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await auditCount(a.tenantId, "opinion.submit")).toBeGreaterThanOrEqual(1);
  });

  it("never shows one visitor another visitor's opinion", async () => {
    await post(
      token,
      { body: "秘密意见甲", anonymous: false, authorName: "张三", authorContact: "13800000000" },
      { "x-forwarded-for": "10.0.0.2" },
    );
    const round = await getPublicRound(token);
    expect(JSON.stringify(round)).not.toContain("秘密意见甲");
    expect(JSON.stringify(round)).not.toContain("张三");
    const second = await post(
      token,
      { body: "另一条", anonymous: true },
      { "x-forwarded-for": "10.0.0.3" },
    );
    expect(JSON.stringify(await second.json())).not.toContain("秘密意见甲");
    // A receipt reads its own opinion only, and only through its own round's link.
    const third = await post(
      token,
      { body: "我的意见", anonymous: true },
      { "x-forwarded-for": "10.0.0.4" },
    );
    const { receipt } = (await third.json()) as { receipt: string };
    const lookup = (t: string, code: string) =>
      receiptRoute(
        new Request(`http://localhost/api/o/${t}/receipt`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code }),
        }),
        { params: Promise.resolve({ token: t }) },
      );
    const mine = (await (await lookup(token, receipt)).json()) as { opinion: { body: string } };
    expect(mine.opinion.body).toBe("我的意见");
    expect(JSON.stringify(mine)).not.toContain("秘密意见甲");
    expect((await lookup(bToken, receipt)).status).toBe(404);
    expect((await lookup(token, "AAAAAAAAAAAA")).status).toBe(404);
  });

  it("refuses a flood from one client with a clear message, writing nothing, across concurrent requests", async () => {
    const { token: t, id } = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.b12!.id,
      title: "限流测试",
      opensOn: FROM,
      closesOn: TO,
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(t, { body: `意见 ${i}`, anonymous: true }, { "x-forwarded-for": "192.0.2.7" }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe("600");
    expect(((await refused.json()) as { message: string }).message).toMatch(/过于频繁/);
    expect(await adminDb().opinion.count({ where: { roundId: id } })).toBe(5);
    // Another client (address or browser) is not affected.
    expect(
      (await post(t, { body: "别人", anonymous: true }, { "x-forwarded-for": "192.0.2.8" })).status,
    ).toBe(201);
  });

  it("caps a whole round per minute, whatever the clients", async () => {
    const { token: t, id } = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.b21!.id,
      title: "总量限流",
      opensOn: FROM,
      closesOn: TO,
    });
    const now = new Date();
    for (let i = 0; i < RATE_PER_ROUND_PER_MINUTE; i++)
      await submitPublicOpinion(
        t,
        { body: `第 ${i} 条`, anonymous: true },
        { ip: `198.51.100.${i}`, userAgent: "ua" },
        now,
      );
    expect(
      await codeOf(() =>
        submitPublicOpinion(
          t,
          { body: "多一条", anonymous: true },
          { ip: "203.0.113.1", userAgent: "ua" },
          now,
        ),
      ),
    ).toBe("RATE_LIMITED");
    expect(await adminDb().opinion.count({ where: { roundId: id } })).toBe(
      RATE_PER_ROUND_PER_MINUTE,
    );
    // A minute later the round accepts again.
    expect(
      await codeOf(() =>
        submitPublicOpinion(
          t,
          { body: "一分钟后", anonymous: true },
          { ip: "203.0.113.1", userAgent: "ua" },
          new Date(now.getTime() + 61_000),
        ),
      ),
    ).toBe("OK");
  });

  it("stores a script tag as text", async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const response = await post(
      token,
      { body, anonymous: true },
      { "x-forwarded-for": "10.0.1.1" },
    );
    expect(response.status).toBe(201);
    const row = await adminDb().opinion.findFirstOrThrow({ where: { tenantId: a.tenantId, body } });
    expect(row.body).toBe(body);
  });

  it("refuses bad input, oversized bodies, closed rounds and unknown tokens, writing nothing", async () => {
    const before = await opinionCount(a.tenantId);
    const submitsBefore = await auditCount(a.tenantId, "opinion.submit");
    const ip = { "x-forwarded-for": "10.0.2.1" };
    // Over 2,000 characters: beside the field.
    const long = await post(token, { body: "字".repeat(2001), anonymous: true }, ip);
    expect(long.status).toBe(400);
    expect(
      ((await long.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.body![0],
    ).toMatch(/2000/);
    // Empty opinion, named without a name or contact, an organization outside the round.
    expect((await post(token, { body: "  ", anonymous: true }, ip)).status).toBe(400);
    const named = await post(token, { body: "x", anonymous: false }, ip);
    expect(
      Object.keys(((await named.json()) as { fieldErrors: object }).fieldErrors).sort(),
    ).toEqual(["authorContact", "authorName"]);
    expect(
      (await post(token, { body: "x", anonymous: true, orgId: a.orgs.b21!.id }, ip)).status,
    ).toBe(400);
    expect((await post(token, { body: "x\u202eevil", anonymous: true }, ip)).status).toBe(400);
    // 1 MB: refused on its declared length, before anything is parsed.
    const huge = JSON.stringify({ body: "a".repeat(1024 * 1024), anonymous: true });
    const big = await post(token, huge, {
      ...ip,
      "content-length": String(Buffer.byteLength(huge)),
    });
    expect(big.status).toBe(413);
    // The same without a declared length (streamed): reading stops at the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new Uint8Array(16 * 1024).fill(97));
        controller.close();
      },
    });
    const streamed = await submitRoute(
      new Request(`http://localhost/api/o/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ token }) },
    );
    expect(streamed.status).toBe(413);
    // Not JSON, not a JSON request, a foreign origin.
    expect((await post(token, "{not json", ip)).status).toBe(400);
    expect(
      (await post(token, "body=x", { ...ip, "content-type": "application/x-www-form-urlencoded" }))
        .status,
    ).toBe(415);
    expect(
      (
        await post(
          token,
          { body: "x", anonymous: true },
          { ...ip, origin: "http://evil.example", host: "localhost" },
        )
      ).status,
    ).toBe(403);
    // Unknown token.
    const unknown = await post("Z".repeat(43), { body: "x", anonymous: true }, ip);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/链接无效/);
    expect(await opinionCount(a.tenantId)).toBe(before);
    expect(await auditCount(a.tenantId, "opinion.submit")).toBe(submitsBefore);
  });

  it("refuses a closed or not yet open round", async () => {
    const closed = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.c1!.id,
      title: "已结束",
      opensOn: FROM,
      closesOn: TO,
    });
    await closeRound(admin, { roundId: closed.id, version: 1 });
    const refused = await post(closed.token, { body: "迟到的意见", anonymous: true });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(/已结束/);
    expect((await getPublicRound(closed.token))?.state).toBe("closed");
    const later = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.c1!.id,
      title: "未开始",
      opensOn: `${YEAR + 1}-01-01`,
      closesOn: `${YEAR + 1}-02-01`,
    });
    expect((await post(later.token, { body: "早到的意见", anonymous: true })).status).toBe(409);
    expect(
      await adminDb().opinion.count({ where: { roundId: { in: [closed.id, later.id] } } }),
    ).toBe(0);
  });
});

describe("answering and rectification", () => {
  let opinionId: string;
  beforeAll(async () => {
    await post(
      token,
      { body: "会议室太少", category: "SERVICE", anonymous: true },
      { "x-forwarded-for": "10.0.3.1" },
    );
    opinionId = (
      await adminDb().opinion.findFirstOrThrow({
        where: { tenantId: a.tenantId, body: "会议室太少" },
      })
    ).id;
  });

  it("authorizes by role and scope", async () => {
    const input = { opinionId: "", version: 1, answer: "收到" };
    expect(await codeOf(() => answerOpinion(leader, { ...input, opinionId }))).toBe("FORBIDDEN");
    expect(await codeOf(() => answerOpinion(inspector, { ...input, opinionId }))).toBe("FORBIDDEN");
    expect(await codeOf(() => answerOpinion(member, { ...input, opinionId }))).toBe("FORBIDDEN");
    expect(await codeOf(() => answerOpinion(bAdmin, { ...input, opinionId }))).toBe("NOT_FOUND");
    expect(await codeOf(() => answerOpinion(admin, { ...input, opinionId: "not-a-uuid" }))).toBe(
      "VALIDATION",
    );
    // Readers see the round; a member does not.
    expect((await getRoundDetail(leader, roundId)).mayManage).toBe(false);
    expect(await codeOf(() => getRoundDetail(member, roundId))).toBe("NOT_FOUND");
    const other = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.b21!.id,
      title: "他支部",
      opensOn: FROM,
      closesOn: TO,
    });
    expect(await codeOf(() => getRoundDetail(secretary, other.id))).toBe("NOT_FOUND");
    expect(await adminDb().opinion.findFirstOrThrow({ where: { id: opinionId } })).toMatchObject({
      answer: null,
      version: 1,
    });
  });

  it("answers, tracks rectification to done with evidence, and audits every step", async () => {
    await answerOpinion(secretary, {
      opinionId,
      version: 1,
      answer: "已协调增加会议室",
      rectification: "OPEN",
    });
    expect(
      await codeOf(() => answerOpinion(secretary, { opinionId, version: 1, answer: "旧版本" })),
    ).toBe("CONFLICT");
    await updateRectification(secretary, {
      opinionId,
      version: 2,
      status: "IN_PROGRESS",
      note: "正在改造",
    });
    // Done without evidence: refused at "files", nothing changes.
    expect(
      await fieldErrorsOf(() =>
        updateRectification(secretary, { opinionId, version: 3, status: "DONE", note: "完成" }),
      ),
    ).toHaveProperty("files");
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], "photo.png", {
      type: "image/png",
    });
    expect(
      await fieldErrorsOf(() =>
        updateRectification(secretary, {
          opinionId,
          version: 3,
          status: "DONE",
          note: "完成",
          files: [exe],
        }),
      ),
    ).toHaveProperty("files");
    expect(await adminDb().opinion.findFirstOrThrow({ where: { id: opinionId } })).toMatchObject({
      rectification: "IN_PROGRESS",
      version: 3,
    });
    await updateRectification(secretary, {
      opinionId,
      version: 3,
      status: "DONE",
      note: "新会议室已启用",
      files: [png()],
    });
    const row = await adminDb().opinion.findFirstOrThrow({ where: { id: opinionId } });
    expect(row).toMatchObject({
      rectification: "DONE",
      answer: "已协调增加会议室",
      answeredById: a.users.secretary,
    });
    expect(row.rectifiedAt).not.toBeNull();
    expect(row.rectificationEvidenceIds).toHaveLength(1);
    const evidenceId = row.rectificationEvidenceIds[0]!;
    expect((await getEvidenceForDownload(leader, evidenceId)).mimeType).toBe("image/png");
    expect(await codeOf(() => getEvidenceForDownload(member, evidenceId))).toBe("NOT_FOUND");
    expect(await codeOf(() => getEvidenceForDownload(bAdmin, evidenceId))).toBe("NOT_FOUND");
    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, entityId: opinionId },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "opinion.submit",
      "opinion.answer",
      "opinion.rectify",
      "opinion.rectify",
    ]);
    const detail = await getRoundDetail(secretary, roundId);
    const shown = detail.opinions.find((o) => o.id === opinionId)!;
    expect(shown.evidence).toEqual([{ id: evidenceId, name: "rectified.png" }]);
    expect(shown.answeredByName).not.toBe("");
  });
});

describe("campaign summary", () => {
  it("counts opinions of linked rounds and of rounds within the campaign's dates and subtree, as a direct SQL count does", async () => {
    const campaignId = await campaignFor(a);
    const linked = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.c1!.id,
      title: "关联",
      opensOn: FROM,
      closesOn: TO,
      campaignId,
    });
    await post(
      linked.token,
      { body: "关联意见一", anonymous: true, orgId: a.orgs.b12!.id },
      { "x-forwarded-for": "10.9.0.1" },
    );
    await post(
      linked.token,
      { body: "关联意见二", anonymous: true },
      { "x-forwarded-for": "10.9.0.2" },
    );
    const linkedOpinion = await adminDb().opinion.findFirstOrThrow({
      where: { body: "关联意见二" },
    });
    await answerOpinion(admin, {
      opinionId: linkedOpinion.id,
      version: 1,
      answer: "好",
      rectification: "OPEN",
    });
    const otherCampaign = await campaignFor(a);
    const elsewhere = await createRound(admin, {
      kind: "OPINION",
      orgId: a.orgs.c1!.id,
      title: "别的活动",
      opensOn: FROM,
      closesOn: TO,
      campaignId: otherCampaign,
    });
    await post(
      elsewhere.token,
      { body: "别的活动的意见", anonymous: true },
      { "x-forwarded-for": "10.9.0.3" },
    );

    const summary = await getCampaignSummary(admin, {
      campaignId,
      asOf: TO,
      orgIds: [],
      orgKind: null,
      memberCategory: null,
    });
    const [sql] = await adminDb().$queryRaw<
      { received: bigint; answered: bigint; rectified: bigint; to_rectify: bigint }[]
    >`
      SELECT count(*) AS received,
             count(*) FILTER (WHERE o."answeredAt" IS NOT NULL) AS answered,
             count(*) FILTER (WHERE o."rectification" = 'DONE') AS rectified,
             count(*) FILTER (WHERE o."rectification" <> 'NONE') AS to_rectify
        FROM "Opinion" o
        JOIN "OpinionRound" r ON r."tenantId" = o."tenantId" AND r."id" = o."roundId"
        JOIN "Organization" ro ON ro."tenantId" = r."tenantId" AND ro."id" = r."orgId"
       WHERE o."tenantId" = ${a.tenantId}::uuid AND r."kind" = 'OPINION'
         AND (r."campaignId" = ${campaignId}::uuid
              OR (r."campaignId" IS NULL AND r."opensOn" <= ${TO}::date AND r."closesOn" >= ${FROM}::date))`;
    expect(summary.opinions).toMatchObject({
      received: Number(sql!.received),
      answered: Number(sql!.answered),
      rectified: Number(sql!.rectified),
      toRectify: Number(sql!.to_rectify),
    });
    expect(summary.opinions.received).toBeGreaterThan(10);
    expect(summary.opinions.rectified).toBe(1);
    // Narrowed to college c2's subtree: only opinions concerning organizations there.
    const c2 = await getCampaignSummary(admin, {
      campaignId,
      asOf: TO,
      orgIds: [a.orgs.c2!.id],
      orgKind: null,
      memberCategory: null,
    });
    const [c2sql] = await adminDb().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Opinion" o
        JOIN "OpinionRound" r ON r."tenantId" = o."tenantId" AND r."id" = o."roundId"
        JOIN "Organization" og ON og."tenantId" = o."tenantId" AND og."id" = o."orgId"
       WHERE o."tenantId" = ${a.tenantId}::uuid AND r."kind" = 'OPINION'
         AND (r."campaignId" = ${campaignId}::uuid OR r."campaignId" IS NULL)
         AND og."path" LIKE ${a.orgs.c2!.path + "%"}`;
    expect(c2.opinions.received).toBe(Number(c2sql!.n));
    expect(c2.opinions.received).toBeLessThan(summary.opinions.received);
  });
});

describe("mass evaluation", () => {
  it("turns a closed round's average satisfaction into the linked rating item, traceable to the round", async () => {
    const campaignId = await campaignFor(a, {
      manualItems: [
        { id: "superior", label: "上级党组织评价", maxPoints: 20 },
        { id: "masses", label: "群众评议", maxPoints: 10 },
      ],
      vetoItems: [],
    });
    expect(
      await fieldErrorsOf(() =>
        createRound(secretary, {
          kind: "EVALUATION",
          orgId: a.orgs.b11!.id,
          title: "x",
          opensOn: FROM,
          closesOn: TO,
          campaignId,
          ratingItemId: "nope",
        }),
      ),
    ).toHaveProperty("ratingItemId");
    const round = await createRound(secretary, {
      kind: "EVALUATION",
      orgId: a.orgs.b11!.id,
      title: "学生满意度测评",
      opensOn: FROM,
      closesOn: TO,
      campaignId,
      ratingItemId: "masses",
    });
    const answers = (n: number) => ({ service: n, example: n, style: n, overall: n });
    for (const [i, n] of [5, 4, 3].entries())
      expect(
        (
          await post(
            round.token,
            { scores: answers(n), body: i === 0 ? "很好" : "", anonymous: true },
            { "x-forwarded-for": `10.8.0.${i}` },
          )
        ).status,
      ).toBe(201);
    // A response missing a question is refused beside that question.
    const partial = await post(
      round.token,
      { scores: { service: 5 }, anonymous: true },
      { "x-forwarded-for": "10.8.1.1" },
    );
    expect(partial.status).toBe(400);
    expect(Object.keys(((await partial.json()) as { fieldErrors: object }).fieldErrors)).toContain(
      "scores.overall",
    );
    expect(
      (
        await post(
          round.token,
          { scores: answers(6), anonymous: true },
          { "x-forwarded-for": "10.8.1.2" },
        )
      ).status,
    ).toBe(400);

    expect(await codeOf(() => closeRound(leader, { roundId: round.id, version: 1 }))).toBe(
      "FORBIDDEN",
    );
    const { result } = await closeRound(secretary, { roundId: round.id, version: 1 });
    expect(result).toMatchObject({
      responses: 3,
      average: 4,
      rating: { fed: true, points: 7.5, year: YEAR, itemId: "masses" },
    });
    expect(pointsForAverage(4, 10)).toBe(7.5);
    expect(await codeOf(() => closeRound(secretary, { roundId: round.id, version: 2 }))).toBe(
      "CONFLICT",
    );

    const entry = await adminDb().assessmentEntry.findFirstOrThrow({
      where: { tenantId: a.tenantId, campaignId, itemId: "masses", supersededAt: null },
    });
    expect(entry).toMatchObject({
      subjectKind: "organization",
      subjectId: a.orgs.b11!.id,
      sourceRoundId: round.id,
      enteredById: a.users.secretary,
    });
    expect(Number(entry.points)).toBe(7.5);
    const audit = await adminDb().auditEvent.findFirstOrThrow({
      where: { tenantId: a.tenantId, action: "rating.assess", entityId: entry.id },
    });
    expect(audit.after).toMatchObject({ sourceRoundId: round.id, points: 7.5 });
    expect(await auditCount(a.tenantId, "opinion.closeRound")).toBeGreaterThanOrEqual(2);

    const set = await computeRatings(admin, { campaignId, year: YEAR });
    const b11 = set.organizations.find((o) => o.id === a.orgs.b11!.id)!;
    const line = b11.breakdown.find((l) => l.source === "manual" && l.id === "masses");
    expect(line).toMatchObject({
      points: 7.5,
      maxPoints: 10,
      entry: { sourceHref: `/opinions/${round.id}` },
    });
    const superior = b11.breakdown.find((l) => l.source === "manual" && l.id === "superior");
    expect(superior).toMatchObject({ points: 0, entry: null });
  });
});
