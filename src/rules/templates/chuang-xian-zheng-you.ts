import type { CampaignTemplate } from "../instantiate-campaign-template";

/**
 * Seed 004: 创先争优 at college level. The seed's years are garbled ("202223"); read as the
 * original 2010–2012: from June 2010 to the 18th Party Congress (8 November 2012), in three periods,
 * with a summary before the end of 2012.
 */
export const chuangXianZhengYou: CampaignTemplate = {
  code: "chuang-xian-zheng-you",
  name: "创先争优活动",
  nameEn: "Strive for excellence campaign",
  seeds: ["004"],
  originalStartDate: "2010-06-01",
  end: { months: 31, days: -1 },
  phases: [
    {
      id: "mobilization",
      name: "第一时段：发动部署、党内评优表彰",
      nameEn: "Period 1: mobilization and commendations",
      start: {},
      end: { months: 7, days: -1 },
    },
    {
      id: "anniversary",
      name: "第二时段：喜迎建党90周年",
      nameEn: "Period 2: the Party's 90th anniversary",
      start: { months: 7 },
      end: { months: 13, days: -1 },
    },
    {
      id: "congress",
      name: "第三时段：喜迎党的十八大召开",
      nameEn: "Period 3: towards the 18th Party Congress",
      start: { months: 13 },
      end: { months: 29, days: 6 },
    },
    {
      id: "summary",
      name: "总结提高",
      nameEn: "Summary and review",
      start: { months: 29, days: 7 },
      end: { months: 31, days: -1 },
    },
  ],
  quotas: [
    {
      id: "r27-implementation-plan",
      name: "制定创先争优工作方案",
      nameEn: "Implementation plan filed by the mobilization deadline",
      ref: "domain row 27; seed 004 (六.1): the college committee and every branch",
      subject: { kind: "organization", levels: ["COLLEGE", "BRANCH"] },
      period: { kind: "phase", phaseId: "mobilization" },
      metric: "count",
      activity: { types: ["IMPLEMENTATION_PLAN"] },
      target: { op: "atLeast", value: 1 },
      unit: "plans",
    },
    {
      id: "r28-public-pledge",
      name: "党员公开承诺",
      nameEn: "Public pledge by each member, commented by the branch",
      ref: "domain row 28; seed 004 (六.2): the branch's approval of the self-reported pledge is its comment",
      subject: { kind: "member" },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["PLEDGE"] },
      target: { op: "atLeast", value: 1 },
      unit: "pledges",
    },
  ],
  rows: [27, 28],
  unexpressed: [],
};
