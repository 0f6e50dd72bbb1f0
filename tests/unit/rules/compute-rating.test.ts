import { describe, expect, it } from "vitest";
import {
  computeRating,
  findStars,
  type RatingQuotaResult,
} from "../../../src/rules/compute-rating";

const result = (
  quotaId: string,
  achieved: number,
  targetValue: number,
  weight = 1,
): RatingQuotaResult => ({
  quotaId,
  weight,
  achieved,
  targetValue,
  status: achieved >= targetValue ? "met" : "behind",
});

const sum = (lines: { points: number }[]) =>
  Math.round(lines.reduce((s, l) => s + l.points, 0) * 100) / 100;

describe("computeRating", () => {
  it("splits the quota pool by weight and gives partial credit for partial compliance", () => {
    // Pool 100 − 20 manual = 80; weights 3:1 → 60 and 20 points.
    // study: 8/10 = 80% → 48; pledge: met → 20; manual 15/20. Total 83 → 4 stars.
    const rating = computeRating({
      quotaResults: [result("study", 8, 10, 3), result("pledge", 1, 1, 1)],
      manualItems: [{ id: "review", label: "民主评议", points: 15, maxPoints: 20 }],
    });
    expect(rating.score).toBe(83);
    expect(rating.stars).toBe(4);
    expect(rating.breakdown.map((l) => [l.source, l.id, l.points, l.maxPoints])).toEqual([
      ["quota", "study", 48, 60],
      ["quota", "pledge", 20, 20],
      ["manual", "review", 15, 20],
    ]);
    expect(sum(rating.breakdown)).toBe(rating.score);
  });

  it("averages the windows of one quota and leaves not-applicable results out", () => {
    const months = [
      result("patrol", 1, 1),
      result("patrol", 0, 1),
      result("patrol", 1, 1),
      result("patrol", 1, 1),
    ];
    const rating = computeRating({
      quotaResults: [
        ...months,
        { quotaId: "patrol", status: "notApplicable", achieved: 0, targetValue: 1 },
      ],
    });
    expect(rating.score).toBe(75);
    expect(rating.breakdown[0]?.detail).toContain("over 4 result(s), 3 met");
    expect(rating.stars).toBe(3);
  });

  it("caps the score when a veto item is triggered, showing the cut as a negative line", () => {
    const rating = computeRating({
      quotaResults: [result("a", 1, 1)],
      vetoItems: [
        { id: "discipline", label: "违纪一票否决", triggered: true, capScore: 59 },
        { id: "safety", label: "安全事故", triggered: true, capScore: 69 },
        { id: "unused", label: "未触发", triggered: false, capScore: 0 },
      ],
    });
    expect(rating.score).toBe(59);
    expect(rating.stars).toBe(1);
    expect(
      rating.breakdown.filter((l) => l.source === "veto").map((l) => [l.id, l.points]),
    ).toEqual([
      ["discipline", -41],
      ["safety", 0],
    ]);
    expect(sum(rating.breakdown)).toBe(59);
  });

  it("clamps manual points, rejects more than 100 manual points, and explains an empty quota pool", () => {
    const rating = computeRating({
      quotaResults: [],
      manualItems: [{ id: "m", label: "m", points: 50, maxPoints: 40 }],
    });
    expect(rating.breakdown).toEqual([
      {
        source: "quota",
        id: "(quotas)",
        label: "quotas",
        points: 0,
        maxPoints: 60,
        detail: "no applicable quota results",
      },
      {
        source: "manual",
        id: "m",
        label: "m",
        points: 40,
        maxPoints: 40,
        detail: "assessed 50, clamped to 0..40",
      },
    ]);
    expect(rating.score).toBe(40);
    expect(() =>
      computeRating({
        quotaResults: [],
        manualItems: [{ id: "x", label: "x", points: 0, maxPoints: 101 }],
      }),
    ).toThrow(RangeError);
  });

  it.each([
    [95, 5],
    [90, 5],
    [89.99, 4],
    [80, 4],
    [70, 3],
    [60, 2],
    [59.99, 1],
    [0, 1],
  ])("default bands: %d points → %d stars", (score, stars) => {
    expect(
      findStars(score, [
        { stars: 5, minScore: 90 },
        { stars: 4, minScore: 80 },
        { stars: 3, minScore: 70 },
        { stars: 2, minScore: 60 },
      ]),
    ).toBe(stars);
    expect(computeRating({ quotaResults: [result("q", score, 100)] }).stars).toBe(stars);
  });

  it("uses custom bands", () => {
    const rating = computeRating({
      quotaResults: [result("q", 85, 100)],
      bands: [{ stars: 5, minScore: 85 }],
    });
    expect(rating.stars).toBe(5);
  });

  it("keeps every point traceable when weights do not divide evenly", () => {
    const rating = computeRating({
      quotaResults: [result("a", 1, 3), result("b", 2, 3), result("c", 1, 1)],
      manualItems: [{ id: "m", label: "m", points: 3.333, maxPoints: 10 }],
    });
    expect(sum(rating.breakdown)).toBe(rating.score);
    expect(rating.score).toBeCloseTo(30 * (1 / 3) + 30 * (2 / 3) + 30 + 3.33, 1);
  });
});
