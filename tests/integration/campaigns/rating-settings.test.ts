import { beforeAll, describe, expect, it } from "vitest";
import { createCampaignFromTemplate } from "@/server/data/campaigns/create-campaign-from-template";
import { updateRatingSettings } from "@/server/data/campaigns/update-rating-settings";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

let a: TenantFixture;
let campaignId: string;
beforeAll(async () => {
  a = await createTenantFixture("rs-a");
  const created = await createCampaignFromTemplate(await a.actor("admin"), {
    templateCode: "san-ji-lian-chuang",
    name: "评分方案测试",
    startDate: "2026-01-01",
    rootOrgId: a.orgs.school!.id,
  } as Parameters<typeof createCampaignFromTemplate>[1]);
  campaignId = created.id;
});

describe("rating settings", () => {
  it("saves a valid scheme, refuses an invalid one with the rules path, and audits once", async () => {
    const admin = await a.actor("admin");
    const scheme = {
      manualItems: [{ id: "m", label: "综合评价", maxPoints: 20 }],
      vetoItems: [{ id: "v", label: "违纪", capScore: 59 }],
    };
    await updateRatingSettings(admin, {
      campaignId,
      version: 1,
      ratingJson: JSON.stringify(scheme),
    });
    const saved = await adminDb().campaign.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: campaignId },
    });
    expect((saved.definition as { rating?: unknown }).rating).toMatchObject(scheme);
    await expect(
      updateRatingSettings(admin, {
        campaignId,
        version: saved.version,
        ratingJson: '{"vetoItems":[{"id":"v","label":"x","capScore":150}]}',
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { rating: [expect.stringContaining("rating.vetoItems[0].capScore")] },
    });
    await expect(
      updateRatingSettings(admin, { campaignId, version: saved.version, ratingJson: "{not json" }),
    ).rejects.toMatchObject({
      fieldErrors: { rating: ["不是有效的 JSON"] },
    });
    await expect(
      updateRatingSettings(admin, { campaignId, version: 1, ratingJson: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await adminDb().auditEvent.count({
      where: { tenantId: a.tenantId, entityId: campaignId, action: "campaign.rating.update" },
    });
    expect(events).toBe(1);
  });

  it("refuses a secretary", async () => {
    await expect(
      updateRatingSettings(await a.actor("secretary"), { campaignId, version: 2, ratingJson: "" }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
    });
  });
});
