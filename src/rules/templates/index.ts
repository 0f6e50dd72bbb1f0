import type { CampaignTemplate } from "../instantiate-campaign-template";
import { chuangXianZhengYou } from "./chuang-xian-zheng-you";
import { liangZaiLiangTong } from "./liang-zai-liang-tong";
import { sanChuangLiuJin } from "./san-chuang-liu-jin";
import { sanJiLianChuang } from "./san-ji-lian-chuang";

export { chuangXianZhengYou, liangZaiLiangTong, sanChuangLiuJin, sanJiLianChuang };

/** The seed campaigns, in seed order (000, 001, 002, 004). */
export const campaignTemplates: ReadonlyArray<CampaignTemplate> = [
  sanChuangLiuJin,
  sanJiLianChuang,
  liangZaiLiangTong,
  chuangXianZhengYou,
];

export function findCampaignTemplate(code: string): CampaignTemplate | undefined {
  return campaignTemplates.find((t) => t.code === code);
}
