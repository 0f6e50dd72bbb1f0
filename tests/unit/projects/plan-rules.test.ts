import { describe, expect, it } from "vitest";
import {
  isCovered,
  isFiledLate,
  planDeadline,
  shanghaiDay,
} from "@/server/data/implementation-plans/plan-rules";
import { isMilestoneLate } from "@/server/data/secretary-projects/project-rules";

describe("planDeadline", () => {
  it("is the end of the earliest phase, whatever the order in the definition", () => {
    expect(
      planDeadline({
        phases: [
          { id: "b", name: "实施", startDate: "2026-03-01", endDate: "2026-12-31" },
          { id: "a", name: "动员部署", startDate: "2026-01-01", endDate: "2026-02-28" },
        ],
      }),
    ).toBe("2026-02-28");
  });

  it("is null without phases", () => {
    expect(planDeadline({ quotas: [] })).toBeNull();
    expect(planDeadline({ phases: [] })).toBeNull();
  });
});

describe("lateness", () => {
  it("judges a filing by its day in Asia/Shanghai", () => {
    // 2026-02-28 17:00 UTC is already 1 March in Shanghai.
    expect(shanghaiDay(new Date("2026-02-28T17:00:00Z"))).toBe("2026-03-01");
    expect(isFiledLate(new Date("2026-02-28T15:59:00Z"), "2026-02-28")).toBe(false);
    expect(isFiledLate(new Date("2026-02-28T16:00:00Z"), "2026-02-28")).toBe(true);
    expect(isFiledLate(new Date("2030-01-01T00:00:00Z"), null)).toBe(false);
  });

  it("calls a milestone late only after its day and only when not done", () => {
    const due = new Date("2026-03-01T00:00:00Z");
    expect(isMilestoneLate({ dueDate: due, status: "IN_PROGRESS" }, "2026-03-01")).toBe(false);
    expect(isMilestoneLate({ dueDate: due, status: "IN_PROGRESS" }, "2026-03-02")).toBe(true);
    expect(isMilestoneLate({ dueDate: due, status: "DONE" }, "2026-03-02")).toBe(false);
  });
});

describe("isCovered", () => {
  const root = "r";
  it("covers the colleges and branches below the campaign's root, active only", () => {
    expect(isCovered({ path: "r/c", level: "COLLEGE", validTo: null }, root)).toBe(true);
    expect(isCovered({ path: "r/c/b", level: "BRANCH", validTo: null }, root)).toBe(true);
    expect(isCovered({ path: "r", level: "SCHOOL", validTo: null }, root)).toBe(false);
    expect(isCovered({ path: "r/c/b/g", level: "GROUP", validTo: null }, root)).toBe(false);
    expect(isCovered({ path: "rx/c", level: "COLLEGE", validTo: null }, root)).toBe(false);
    expect(isCovered({ path: "r/c", level: "COLLEGE", validTo: new Date() }, root)).toBe(false);
  });
});
