import { describe, expect, it } from "vitest";
import { deriveTaskStatus } from "@/server/data/tasks/task-status";
import { carryOverRows } from "@/server/data/practical-matters/carry-over";
import { addDays, dayKey, isoWeekKeyOfDay, weekKey } from "@/server/jobs/period-keys";
import { reminderBucket } from "@/server/jobs/deadline-reminders";
import { templateDueDate } from "@/server/data/tasks/template-tasks";

const due = new Date("2026-03-10T00:00:00Z");

describe("deriveTaskStatus", () => {
  it("not started, in progress, done", () => {
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 0 }, "2026-03-01"),
    ).toBe("NOT_STARTED");
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 2 }, "2026-03-01"),
    ).toBe("IN_PROGRESS");
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: new Date(), updateCount: 0 }, "2026-03-01"),
    ).toBe("DONE");
  });
  it("overdue the day after the due date, with no edit, unless signed off", () => {
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 0 }, "2026-03-10"),
    ).toBe("NOT_STARTED");
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 0 }, "2026-03-11"),
    ).toBe("OVERDUE");
    expect(
      deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 3 }, "2026-03-11"),
    ).toBe("OVERDUE");
    expect(
      deriveTaskStatus(
        { dueDate: "2026-03-10", signedOffAt: "2026-03-20T00:00:00Z", updateCount: 0 },
        "2026-04-01",
      ),
    ).toBe("DONE");
  });
  it("uses Shanghai's day: 2026-03-10 16:30 UTC is already the 11th there", () => {
    const today = dayKey(new Date("2026-03-10T16:30:00Z"));
    expect(today).toBe("2026-03-11");
    expect(deriveTaskStatus({ dueDate: due, signedOffAt: null, updateCount: 0 }, today)).toBe(
      "OVERDUE",
    );
  });
});

describe("carryOverRows", () => {
  it("carries only open items, pointing back at them", () => {
    const rows = carryOverRows([
      {
        id: "a",
        title: "开放",
        ownerDepartmentId: "d",
        ownerOrgId: null,
        dueDate: due,
        closedAt: null,
      },
      {
        id: "b",
        title: "已销号",
        ownerDepartmentId: null,
        ownerOrgId: "o",
        dueDate: due,
        closedAt: new Date(),
      },
    ]);
    expect(rows).toEqual([
      { title: "开放", ownerDepartmentId: "d", ownerOrgId: null, dueDate: due, carriedFromId: "a" },
    ]);
  });
  it("carries nothing from an empty or fully closed list", () => {
    expect(carryOverRows([])).toEqual([]);
  });
});

describe("period keys", () => {
  it("ISO weeks, including year boundaries", () => {
    expect(isoWeekKeyOfDay("2026-01-01")).toBe("2026-W01");
    expect(isoWeekKeyOfDay("2027-01-01")).toBe("2026-W53");
    expect(isoWeekKeyOfDay("2024-12-30")).toBe("2025-W01");
    expect(isoWeekKeyOfDay("2026-11-16")).toBe("2026-W47");
    expect(isoWeekKeyOfDay("2026-11-22")).toBe("2026-W47");
  });
  it("day and week keys follow Shanghai time", () => {
    expect(dayKey(new Date("2026-11-22T15:59:00Z"))).toBe("2026-11-22");
    expect(dayKey(new Date("2026-11-22T16:00:00Z"))).toBe("2026-11-23");
    expect(weekKey(new Date("2026-11-22T16:00:00Z"))).toBe("2026-W48");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });
  it("reminder buckets: 7 days ahead, then 1 day ahead", () => {
    expect(reminderBucket("2026-04-08", "2026-04-01")).toBe("7d");
    expect(reminderBucket("2026-04-09", "2026-04-01")).toBeNull();
    expect(reminderBucket("2026-04-02", "2026-04-01")).toBe("1d");
    expect(reminderBucket("2026-04-01", "2026-04-01")).toBeNull();
  });
  it("template due dates are clamped to the campaign's end", () => {
    expect(templateDueDate("2026-01-15", "2030-01-01", 6)).toBe("2026-07-15");
    expect(templateDueDate("2026-01-15", "2026-03-01", 6)).toBe("2026-03-01");
  });
});
