import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { QuotaFormInput, quotaFormObject, quotaToFormValues } from "@/lib/schemas/campaign";
import type { QuotaInput } from "@/rules";
import type { Actor } from "@/server/authz/actor";
import { addCampaignLeader } from "@/server/data/campaigns/add-campaign-leader";
import { createCampaignFromTemplate } from "@/server/data/campaigns/create-campaign-from-template";
import { evaluateCampaignForActor } from "@/server/data/campaigns/evaluate-campaign-for-actor";
import { exportCampaignDefinition } from "@/server/data/campaigns/export-campaign-definition";
import { exportEvaluationInput } from "@/server/data/campaigns/export-evaluation-input";
import { getCampaign } from "@/server/data/campaigns/get-campaign";
import { getQuotaEvaluation } from "@/server/data/campaigns/get-quota-evaluation";
import { importCampaignDefinition } from "@/server/data/campaigns/import-campaign-definition";
import { listCampaigns } from "@/server/data/campaigns/list-campaigns";
import { removeCampaignLeader } from "@/server/data/campaigns/remove-campaign-leader";
import { removeQuota } from "@/server/data/campaigns/remove-quota";
import { updateCampaign } from "@/server/data/campaigns/update-campaign";
import { updatePhases } from "@/server/data/campaigns/update-phases";
import { upsertQuota } from "@/server/data/campaigns/upsert-quota";
import { isAppError } from "@/server/errors";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

let a: TenantFixture;
let b: TenantFixture;
let aAdmin: Actor;
/** Tenant B's campaign, rooted at B's school. */
let bCampaignId: string;
/** Tenant A's campaigns: one over the whole school, one over college c2 only. */
let aSchoolCampaignId: string;
let aC2CampaignId: string;

const ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"] as const;

beforeAll(async () => {
  a = await createTenantFixture("cmp-a");
  b = await createTenantFixture("cmp-b");
  aAdmin = await a.actor("admin");
  bCampaignId = (
    await createCampaignFromTemplate(await b.actor("admin"), {
      templateCode: "liang-zai-liang-tong",
      name: "B 校两在两同",
      startDate: "2026-01-01",
      endDate: null,
      rootOrgId: b.orgs.school!.id,
    })
  ).id;
  aSchoolCampaignId = (
    await createCampaignFromTemplate(aAdmin, {
      templateCode: "liang-zai-liang-tong",
      name: "A 校两在两同",
      startDate: "2026-01-01",
      endDate: null,
      rootOrgId: a.orgs.school!.id,
    })
  ).id;
  aC2CampaignId = (
    await createCampaignFromTemplate(aAdmin, {
      templateCode: "chuang-xian-zheng-you",
      name: "二学院创先争优",
      startDate: "2026-03-01",
      endDate: null,
      rootOrgId: a.orgs.c2!.id,
    })
  ).id;
});

const campaignRow = (id: string) => adminDb().campaign.findFirstOrThrow({ where: { id } });

async function tenantSnapshot(tenantId: string) {
  const db = adminDb();
  return JSON.stringify({
    campaigns: await db.campaign.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    leaders: await db.campaignLeader.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count({ where: { tenantId } }),
  });
}

/** The AppError code a call rejects with, or "RESOLVED". */
async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return error.code;
    return `not an AppError: ${(error as Error).message}`;
  }
  return "RESOLVED";
}

const simpleQuota = (overrides: Partial<QuotaInput> = {}): QuotaInput => ({
  id: "extra-study",
  name: "支部集中学习",
  subject: { kind: "organization", levels: ["BRANCH"] },
  period: { kind: "campaign" },
  metric: "count",
  activity: { types: ["CONCENTRATED_STUDY"] },
  target: { op: "atLeast", value: 4 },
  ...overrides,
});

describe("campaigns: tenant isolation", () => {
  it("reports tenant B's campaign as not found to every role of tenant A, and leaves B unchanged", async () => {
    const before = await tenantSnapshot(b.tenantId);
    const bCampaign = await campaignRow(bCampaignId);
    const bLeaderMember = await adminDb().member.findFirstOrThrow({
      where: { tenantId: b.tenantId },
    });
    await addCampaignLeader(await b.actor("admin"), {
      campaignId: bCampaignId,
      memberNumber: bLeaderMember.number,
      role: "LEADER",
    });
    const bLeader = await adminDb().campaignLeader.findFirstOrThrow({
      where: { tenantId: b.tenantId, campaignId: bCampaignId },
    });
    const beforeWithLeader = await tenantSnapshot(b.tenantId);
    expect(beforeWithLeader).not.toBe(before);

    for (const role of ROLES) {
      const actor = await a.actor(role);
      const id = bCampaignId;
      const calls: Record<string, () => Promise<unknown>> = {
        getCampaign: () => getCampaign(actor, id),
        evaluateCampaignForActor: () => evaluateCampaignForActor(actor, id, "2026-06-30"),
        getQuotaEvaluation: () =>
          getQuotaEvaluation(actor, id, "r24-secretary-project", {
            asOf: "2026-06-30",
            windows: "current",
            page: 1,
            pageSize: 50,
          }),
        exportCampaignDefinition: () => exportCampaignDefinition(actor, id),
        exportEvaluationInput: () => exportEvaluationInput(actor, id),
        updateCampaign: () =>
          updateCampaign(actor, {
            id,
            version: bCampaign.version,
            name: "hijack",
            description: null,
            startDate: "2026-01-01",
            endDate: "2026-12-31",
            status: "CLOSED",
          }),
        upsertQuota: () =>
          upsertQuota(actor, {
            campaignId: id,
            version: bCampaign.version,
            originalQuotaId: null,
            quota: simpleQuota(),
          }),
        removeQuota: () =>
          removeQuota(actor, {
            campaignId: id,
            version: bCampaign.version,
            quotaId: "r24-secretary-project",
          }),
        updatePhases: () =>
          updatePhases(actor, { campaignId: id, version: bCampaign.version, phases: [] }),
        addCampaignLeader: () =>
          addCampaignLeader(actor, {
            campaignId: id,
            memberNumber: bLeaderMember.number,
            role: "MEMBER",
          }),
        removeCampaignLeader: () =>
          removeCampaignLeader(actor, { campaignId: id, leaderId: bLeader.id }),
      };
      const results: Record<string, string> = {};
      for (const [name, call] of Object.entries(calls)) results[name] = await codeOf(call);
      expect({ role, results }).toEqual({
        role,
        results: Object.fromEntries(Object.keys(calls).map((k) => [k, "NOT_FOUND"])),
      });

      // Creating over B's organization: not found for managers, refused up front for the others.
      const expected = role === "admin" || role === "collegeAdmin" ? "NOT_FOUND" : "FORBIDDEN";
      expect(
        await codeOf(() =>
          createCampaignFromTemplate(actor, {
            templateCode: "chuang-xian-zheng-you",
            name: "x",
            startDate: "2026-01-01",
            endDate: null,
            rootOrgId: b.orgs.school!.id,
          }),
        ),
      ).toBe(expected);
      const exported = JSON.stringify({
        campaign: { id: "x", startDate: "2026-01-01", endDate: "2026-12-31", quotas: [] },
      });
      expect(
        await codeOf(() =>
          importCampaignDefinition(actor, {
            json: exported,
            name: "x",
            startDate: null,
            endDate: null,
            rootOrgId: b.orgs.school!.id,
          }),
        ),
      ).toBe(expected);
    }

    // A's own campaign with B's member number: that member does not exist for A.
    await expect(
      addCampaignLeader(aAdmin, {
        campaignId: aSchoolCampaignId,
        memberNumber: bLeaderMember.number,
        role: "MEMBER",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { memberNumber: [expect.stringContaining("未找到")] },
    });
    expect(await tenantSnapshot(b.tenantId)).toBe(beforeWithLeader);
  });

  it("lists only the actor's own tenant", async () => {
    const listed = await listCampaigns(aAdmin);
    expect(listed.map((c) => c.id).sort()).toEqual([aSchoolCampaignId, aC2CampaignId].sort());
    expect(JSON.stringify(listed)).not.toContain(bCampaignId);
  });

  it("treats malformed ids as not found", async () => {
    for (const id of ["not-a-uuid", "", "1' OR '1'='1", randomUUID()]) {
      expect(await codeOf(() => getCampaign(aAdmin, id))).toBe("NOT_FOUND");
    }
  });
});

describe("campaigns: scope", () => {
  it("shows a leader, a secretary and a college admin only the campaigns covering their subtree", async () => {
    // c1's people: the school-wide campaign covers them, the c2 campaign does not.
    for (const role of ["leader", "secretary", "collegeAdmin"] as const) {
      const actor = await a.actor(role);
      expect((await listCampaigns(actor)).map((c) => c.id)).toEqual([aSchoolCampaignId]);
      expect(await codeOf(() => getCampaign(actor, aC2CampaignId))).toBe("NOT_FOUND");
      expect((await getCampaign(actor, aSchoolCampaignId)).seesWholeCampaign).toBe(false);
    }
    const member = await a.actor("member");
    expect(await codeOf(() => listCampaigns(member))).toBe("FORBIDDEN");
    for (const role of ["admin", "inspector"] as const) {
      expect((await listCampaigns(await a.actor(role))).map((c) => c.id).sort()).toEqual(
        [aSchoolCampaignId, aC2CampaignId].sort(),
      );
    }
  });

  it("lets only campaign managers over the root change a campaign", async () => {
    const row = await campaignRow(aSchoolCampaignId);
    const update = (actor: Actor) =>
      updateCampaign(actor, {
        id: row.id,
        version: row.version,
        name: "改名",
        description: null,
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        status: "ACTIVE",
      });
    for (const role of ["collegeAdmin", "leader", "secretary", "inspector"] as const) {
      expect(await codeOf(async () => update(await a.actor(role)))).toBe("FORBIDDEN");
    }
    // A college admin manages campaigns over their own college.
    const own = await createCampaignFromTemplate(await a.actor("collegeAdmin"), {
      templateCode: "chuang-xian-zheng-you",
      name: "一学院创先争优",
      startDate: "2026-03-01",
      endDate: null,
      rootOrgId: a.orgs.c1!.id,
    });
    expect((await getCampaign(await a.actor("collegeAdmin"), own.id)).canManage).toBe(true);
    expect(
      await codeOf(() =>
        createCampaignFromTemplate(aAdmin, {
          templateCode: "no-such",
          name: "x",
          startDate: "2026-01-01",
          endDate: null,
          rootOrgId: a.orgs.c1!.id,
        }),
      ),
    ).toBe("VALIDATION");
  });

  it("gives a leader only their subtree's subjects in the evaluation, with the same results as the admin's", async () => {
    const asOf = "2026-06-30";
    const full = await evaluateCampaignForActor(aAdmin, aSchoolCampaignId, asOf);
    const leader = await a.actor("leader");
    const scoped = await evaluateCampaignForActor(leader, aSchoolCampaignId, asOf);
    const c1Orgs = new Set([a.orgs.c1!.id, a.orgs.b11!.id, a.orgs.b12!.id]);
    const c1Members = new Set(
      Object.entries(a.members)
        .filter(([k]) => k.startsWith("b11") || k.startsWith("b12"))
        .map(([, id]) => id),
    );
    expect(scoped.results.length).toBeGreaterThan(0);
    for (const r of scoped.results) {
      expect(
        r.subjectKind === "organization"
          ? c1Orgs.has(r.subjectId)
          : r.subjectKind === "member" && c1Members.has(r.subjectId),
      ).toBe(true);
    }
    const inC1 = full.results.filter((r) =>
      r.subjectKind === "organization" ? c1Orgs.has(r.subjectId) : c1Members.has(r.subjectId),
    );
    expect(scoped.results).toEqual(inC1);
    // The admin sees the other college too.
    expect(full.results.some((r) => r.subjectId === a.orgs.b21!.id)).toBe(true);
    expect(
      scoped.results.some(
        (r) => r.subjectId === a.orgs.b21!.id || r.subjectId === a.members["b21-0"],
      ),
    ).toBe(false);
    // The full input only for those who see the whole campaign.
    expect(await codeOf(() => exportEvaluationInput(leader, aSchoolCampaignId))).toBe("FORBIDDEN");
    const page = await getQuotaEvaluation(leader, aSchoolCampaignId, "r24-secretary-project", {
      asOf,
      windows: "current",
      page: 1,
      pageSize: 50,
    });
    expect(page.rows.map((r) => r.subjectId).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id].sort(),
    );
  });
});

describe("campaigns: validation", () => {
  async function expectRefusedWithoutTrace(
    change: () => Promise<unknown>,
    expected: Record<string, unknown>,
  ) {
    const before = await tenantSnapshot(a.tenantId);
    await expect(change()).rejects.toMatchObject(expected);
    expect(await tenantSnapshot(a.tenantId)).toBe(before);
  }

  it("refuses impossible quotas with the rules path and reason beside the form field, writing nothing", async () => {
    const row = await campaignRow(aSchoolCampaignId);
    const index = (row.definition as { quotas: unknown[] }).quotas.length;
    const upsert = (quota: QuotaInput) =>
      upsertQuota(aAdmin, {
        campaignId: row.id,
        version: row.version,
        originalQuotaId: null,
        quota,
      });

    await expectRefusedWithoutTrace(
      () => upsert(simpleQuota({ target: { op: "atLeast", value: -3 } })),
      {
        code: "VALIDATION",
        message: expect.stringContaining(`quotas[${index}].target.value: must not be negative`),
        fieldErrors: {
          targetValue: [`不能为负数（quotas[${index}].target.value: must not be negative）`],
        },
      },
    );
    await expectRefusedWithoutTrace(
      () => upsert(simpleQuota({ period: { kind: "nYears", years: 5 } })),
      {
        code: "VALIDATION",
        fieldErrors: {
          periodYears: [
            expect.stringMatching(
              new RegExp(
                `quotas\\[${index}\\]\\.period\\.years: period .* is longer than the campaign`,
              ),
            ),
          ],
        },
      },
    );
    await expectRefusedWithoutTrace(
      () =>
        upsert({
          id: "empty-composite",
          name: "空的组合",
          subject: { kind: "member" },
          period: { kind: "campaign" },
          composite: { kind: "all", parts: [] },
        }),
      {
        code: "VALIDATION",
        fieldErrors: {
          compositeParts: [
            expect.stringContaining(
              `quotas[${index}].composite.parts: a composite needs at least one part`,
            ),
          ],
        },
      },
    );
    await expectRefusedWithoutTrace(
      () => upsert(simpleQuota({ target: { op: "between", min: 3, max: 1 } })),
      {
        fieldErrors: {
          targetMax: [
            expect.stringContaining(`quotas[${index}].target.max: min must not exceed max`),
          ],
        },
      },
    );
    await expectRefusedWithoutTrace(() => upsert(simpleQuota({ id: "r24-secretary-project" })), {
      fieldErrors: { quotaId: [expect.stringContaining("duplicate quota id")] },
    });
    await expectRefusedWithoutTrace(
      () => upsert(simpleQuota({ period: { kind: "phase", phaseId: "nope" } })),
      {
        fieldErrors: {
          periodPhaseId: [expect.stringContaining(`quotas[${index}].period.phaseId`)],
        },
      },
    );
  });

  it("turns the quota form into a rules quota and back", () => {
    const quota: QuotaInput = {
      id: "r19-like",
      name: "调研",
      subject: {
        kind: "member",
        cadreLevels: ["SCHOOL_LEADER"],
        positions: ["COLLEGE_LEADER"],
        match: "any",
      },
      period: { kind: "nMonths", months: 2 },
      metric: "count",
      activity: { types: ["RESEARCH_REPORT", "PAIRING"], subTypes: ["HOT_ISSUE", "CUSTOM_SUB"] },
      target: { op: "between", min: 1, max: 2 },
      unit: "reports",
      options: { proRate: true, weight: 2, includeSubtree: false },
    };
    const values = quotaToFormValues(quota);
    const fd = new FormData();
    fd.set("campaignId", randomUUID());
    fd.set("version", "3");
    for (const [key, value] of Object.entries(values)) {
      if (
        [
          "activityTypes",
          "subTypes",
          "orgLevels",
          "orgKinds",
          "categories",
          "cadreLevels",
          "positions",
          "statuses",
        ].includes(key)
      ) {
        for (const v of value.split(",").filter(Boolean)) fd.append(key, v);
      } else if (value !== "") fd.set(key, value);
    }
    const parsed = QuotaFormInput.parse(quotaFormObject(fd));
    expect(parsed.originalQuotaId).toBe("r19-like");
    expect(parsed.quota).toEqual(quota);

    // Shape problems are caught by the form schema, keyed by the form's field names.
    const issuePaths = () =>
      QuotaFormInput.safeParse(quotaFormObject(fd)).error?.issues.map((i) => [
        i.path.join("."),
        i.message,
      ]);
    fd.set("weight", "abc");
    expect(issuePaths()).toEqual([["weight", "权重应为数字"]]);
    fd.set("weight", "1");
    fd.set("targetMin", "");
    expect(issuePaths()).toEqual([["targetMin", "请填写下限"]]);
  });

  it("refuses a date change that would make a quota or a phase impossible", async () => {
    const row = await campaignRow(aC2CampaignId);
    await expectRefusedWithoutTrace(
      () =>
        updateCampaign(aAdmin, {
          id: row.id,
          version: row.version,
          name: row.name,
          description: null,
          startDate: "2026-03-01",
          endDate: "2026-05-01",
          status: "ACTIVE",
        }),
      {
        code: "VALIDATION",
        fieldErrors: { endDate: expect.arrayContaining([expect.stringContaining("phases[")]) },
      },
    );
  });

  it("imports the CLI file format, reporting the first invalid field with its path, and round-trips an export", async () => {
    const bad = JSON.stringify({
      campaign: {
        id: "shared",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        quotas: [{ ...simpleQuota(), period: { kind: "fortnight" } }],
      },
      organizations: [],
      members: [],
    });
    await expectRefusedWithoutTrace(
      () =>
        importCampaignDefinition(aAdmin, {
          json: bad,
          name: "导入",
          startDate: null,
          endDate: null,
          rootOrgId: a.orgs.school!.id,
        }),
      {
        code: "VALIDATION",
        fieldErrors: { json: [expect.stringContaining("campaign.quotas[0].period.kind")] },
      },
    );
    await expectRefusedWithoutTrace(
      () =>
        importCampaignDefinition(aAdmin, {
          json: "{ not json",
          name: "导入",
          startDate: null,
          endDate: null,
          rootOrgId: a.orgs.school!.id,
        }),
      {
        code: "VALIDATION",
        fieldErrors: { json: [expect.stringContaining("不是有效的 JSON")] },
      },
    );

    const { file } = await exportCampaignDefinition(aAdmin, aC2CampaignId);
    expect(file.organizations).toEqual([]);
    const imported = await importCampaignDefinition(aAdmin, {
      json: JSON.stringify(file),
      name: "导入的创先争优",
      startDate: "2027-03-01",
      endDate: null,
      rootOrgId: a.orgs.c1!.id,
    });
    const copy = (await getCampaign(aAdmin, imported.id)).definition;
    expect(copy.quotas).toEqual(file.campaign.quotas);
    expect(copy.startDate).toBe("2027-03-01");
    expect(copy.phases?.[0]?.startDate).toBe("2027-03-01");
    expect(copy.phases?.length).toBe(file.campaign.phases?.length);
    expect(copy.id).toBe(imported.id);
  });
});

describe("campaigns: concurrency", () => {
  it("refuses a stale form with CONFLICT and keeps the first save", async () => {
    const row = await campaignRow(aSchoolCampaignId);
    const fields = {
      id: row.id,
      version: row.version,
      description: null,
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      status: "ACTIVE" as const,
    };
    await updateCampaign(aAdmin, { ...fields, name: "第一次保存" });
    await expect(updateCampaign(aAdmin, { ...fields, name: "第二次保存" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "记录已被他人修改，请刷新后重试",
    });
    expect((await campaignRow(row.id)).name).toBe("第一次保存");
  });

  it("lets exactly one of two simultaneous quota edits of the same version through", async () => {
    const row = await campaignRow(aSchoolCampaignId);
    const results = await Promise.allSettled([
      upsertQuota(aAdmin, {
        campaignId: row.id,
        version: row.version,
        originalQuotaId: null,
        quota: simpleQuota({ id: "race-1" }),
      }),
      upsertQuota(aAdmin, {
        campaignId: row.id,
        version: row.version,
        originalQuotaId: null,
        quota: simpleQuota({ id: "race-2" }),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const after = await campaignRow(row.id);
    expect(after.version).toBe(row.version + 1);
    const ids = (after.definition as { quotas: { id: string }[] }).quotas.map((q) => q.id);
    expect(ids.filter((id) => id.startsWith("race-"))).toHaveLength(1);
  });
});

describe("campaigns: audit", () => {
  const events = (entityId: string) =>
    adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, entityId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });

  it("writes one event per change, in the same transaction, naming the actor", async () => {
    const created = await createCampaignFromTemplate(aAdmin, {
      templateCode: "san-chuang-liu-jin",
      name: "审计用活动",
      startDate: "2026-09-01",
      endDate: null,
      rootOrgId: a.orgs.school!.id,
    });
    // The five-year rotation cannot fit in 22 months: left out, and said so.
    expect(created.skipped.map((s) => s.quotaId)).toEqual(["r05-cadre-rotation-training"]);
    let version = (await campaignRow(created.id)).version;
    await upsertQuota(aAdmin, {
      campaignId: created.id,
      version,
      originalQuotaId: null,
      quota: simpleQuota(),
    });
    version++;
    await upsertQuota(aAdmin, {
      campaignId: created.id,
      version,
      originalQuotaId: "extra-study",
      quota: simpleQuota({ target: { op: "atLeast", value: 6 } }),
    });
    version++;
    await removeQuota(aAdmin, { campaignId: created.id, version, quotaId: "extra-study" });
    version++;
    const def = (await getCampaign(aAdmin, created.id)).definition;
    await updatePhases(aAdmin, {
      campaignId: created.id,
      version,
      phases: (def.phases ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        theme: p.id === "mobilization" ? "学习动员" : null,
        startDate: p.startDate,
        endDate: p.endDate,
      })),
    });
    version++;
    await updateCampaign(aAdmin, {
      id: created.id,
      version,
      name: "审计用活动（改）",
      description: "说明",
      startDate: "2026-09-01",
      endDate: "2028-06-30",
      status: "ACTIVE",
    });

    const theme = (await getCampaign(aAdmin, created.id)).definition.phases?.find(
      (p) => p.id === "mobilization",
    )?.theme;
    expect(theme).toBe("学习动员");

    const list = await events(created.id);
    expect(list.map((e) => e.action)).toEqual([
      "campaign.create",
      "campaign.quota.create",
      "campaign.quota.update",
      "campaign.quota.remove",
      "campaign.phases.update",
      "campaign.update",
    ]);
    expect(list.every((e) => e.actorUserId === a.users.admin && e.entityType === "Campaign")).toBe(
      true,
    );
    expect(list[2]!.before).toMatchObject({ quota: { target: { value: 4 } } });
    expect(list[2]!.after).toMatchObject({ quota: { target: { value: 6 } } });
    expect(list[5]!.before).toEqual({ name: "审计用活动", description: expect.any(String) });
    expect(list[5]!.after).toEqual({ name: "审计用活动（改）", description: "说明" });

    // The leadership group: added, refused a second time, removed (closed, never deleted).
    const member = await adminDb().member.findFirstOrThrow({ where: { id: a.members["b11-0"] } });
    const { id: leaderId } = await addCampaignLeader(aAdmin, {
      campaignId: created.id,
      memberNumber: member.number,
      role: "LEADER",
    });
    await expect(
      addCampaignLeader(aAdmin, {
        campaignId: created.id,
        memberNumber: member.number,
        role: "DEPUTY",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { memberNumber: [expect.stringContaining("已在领导小组中")] },
    });
    expect((await getCampaign(aAdmin, created.id)).leaders.map((l) => l.member.number)).toEqual([
      member.number,
    ]);
    await removeCampaignLeader(aAdmin, { campaignId: created.id, leaderId });
    await expect(
      removeCampaignLeader(aAdmin, { campaignId: created.id, leaderId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await adminDb().campaignLeader.findFirstOrThrow({ where: { id: leaderId } });
    expect(row.removedAt).not.toBeNull();
    expect((await getCampaign(aAdmin, created.id)).leaders).toEqual([]);
    const leaderEvents = await events(leaderId);
    expect(leaderEvents.map((e) => e.action)).toEqual([
      "campaign.leader.add",
      "campaign.leader.remove",
    ]);
  });

  it("writes nothing for a refused change", async () => {
    const row = await campaignRow(aC2CampaignId);
    const before = await adminDb().auditEvent.count({ where: { tenantId: a.tenantId } });
    await expect(
      upsertQuota(await a.actor("leader"), {
        campaignId: row.id,
        version: row.version,
        originalQuotaId: null,
        quota: simpleQuota(),
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      upsertQuota(aAdmin, {
        campaignId: row.id,
        version: row.version + 7,
        originalQuotaId: null,
        quota: simpleQuota(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await adminDb().auditEvent.count({ where: { tenantId: a.tenantId } })).toBe(before);
  });
});
