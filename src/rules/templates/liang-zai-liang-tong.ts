import type { CampaignTemplate } from "../instantiate-campaign-template";

const FOUR_ONES_TYPES = [
  "LECTURE_GIVEN",
  "VOLUNTEER_SERVICE",
  "VOLUNTARY_LABOUR",
  "PAIRING",
] as const;

/**
 * Seed 002: “两在两同”建新功行动, issued 27 October 2021. The seed gives no end date; one year
 * from 1 November 2021 is assumed, and "every year" quotas use campaign years (nYears 1) so the
 * first year is not a two-month stub of 2021.
 */
export const liangZaiLiangTong: CampaignTemplate = {
  code: "liang-zai-liang-tong",
  name: "“两在两同”建新功行动",
  nameEn: "Two Togethers campaign: think and work together with the people",
  seeds: ["002"],
  originalStartDate: "2021-11-01",
  end: { months: 12, days: -1 },
  phases: [],
  quotas: [
    {
      id: "r23-leader-research",
      name: "领导干部确定1项课题、形成1篇调研报告",
      nameEn: "Research topic and report by each leader",
      ref: "domain row 23; seed 002 (二(一).5)",
      subject: { kind: "member", cadreLevels: ["SCHOOL_LEADER", "MIDDLE_CADRE"] },
      period: { kind: "campaign" },
      composite: {
        kind: "all",
        parts: [
          {
            id: "topic",
            name: "确定1项课题",
            nameEn: "One research topic",
            metric: "count",
            activity: { types: ["RESEARCH_TOPIC"] },
            target: { op: "atLeast", value: 1 },
            unit: "topics",
          },
          {
            id: "report",
            name: "形成1篇调研报告",
            nameEn: "One research report",
            metric: "count",
            activity: { types: ["RESEARCH_REPORT"] },
            target: { op: "atLeast", value: 1 },
            unit: "reports",
          },
        ],
      },
    },
    {
      id: "r24-secretary-project",
      name: "党支部“书记项目”",
      nameEn: "Secretary project with timetable and roadmap",
      ref: "domain row 24; seed 002 (二(二).6); the timetable and roadmap are evidence, not checked",
      subject: { kind: "organization", levels: ["BRANCH"] },
      period: { kind: "campaign" },
      metric: "count",
      activity: { types: ["SECRETARY_PROJECT"] },
      target: { op: "atLeast", value: 1 },
      unit: "projects",
    },
    {
      id: "r25-four-ones",
      name: "“四个一”党员志愿服务",
      nameEn: "“Four ones”: lecture, volunteer service, voluntary labour, freshman-dorm pairing",
      ref: "domain row 25; seed 002 (二(三).12)",
      subject: { kind: "member" },
      period: { kind: "nYears", years: 1 },
      composite: {
        kind: "all",
        parts: [
          {
            id: "lecture",
            name: "一次党（团）课授课",
            nameEn: "One party or league lecture given",
            metric: "count",
            activity: { types: ["LECTURE_GIVEN"] },
            target: { op: "atLeast", value: 1 },
            unit: "lectures",
          },
          {
            id: "volunteer",
            name: "一次志愿服务",
            nameEn: "One volunteer service",
            metric: "count",
            activity: { types: ["VOLUNTEER_SERVICE"] },
            target: { op: "atLeast", value: 1 },
            unit: "services",
          },
          {
            id: "labour",
            name: "一次义务劳动",
            nameEn: "One voluntary labour",
            metric: "count",
            activity: { types: ["VOLUNTARY_LABOUR"] },
            target: { op: "atLeast", value: 1 },
            unit: "sessions",
          },
          {
            id: "dorm-pairing",
            name: "与一间新生宿舍结对帮扶",
            nameEn: "Pairing with a freshman dormitory",
            metric: "count",
            activity: { types: ["PAIRING"], subTypes: ["FRESHMAN_DORM"] },
            target: { op: "atLeast", value: 1 },
            unit: "pairings",
          },
          {
            id: "hours",
            name: "总时长不少于20小时",
            nameEn: "At least 20 hours in total",
            metric: "sumHours",
            activity: { types: [...FOUR_ONES_TYPES] },
            target: { op: "atLeast", value: 20 },
          },
        ],
      },
    },
    {
      id: "r26-practical-matters-list",
      name: "双月实事清单",
      nameEn: "Bi-monthly list of practical matters",
      ref: "domain row 26; seed 002 (二(一).3); closing items by deadline is not checked",
      subject: { kind: "organization", levels: ["SCHOOL"] },
      period: { kind: "nMonths", months: 2 },
      metric: "count",
      activity: { types: ["PRACTICAL_MATTERS_LIST"] },
      target: { op: "atLeast", value: 1 },
      unit: "lists",
    },
  ],
  rows: [23, 24, 25, 26],
  unexpressed: [
    {
      row: 26,
      quota: "r26-practical-matters-list",
      coverage: "partial",
      reason:
        "The engine checks that a list is filed every two months; “注明办结时限，逐项对账销号” (each item has a deadline and is closed one by one) is about items, which records do not have.",
      needs:
        "A task/item entity with due date and closed date, and a metric such as 'items closed by their deadline'.",
    },
  ],
};
