import { tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  formatDayNumber,
  parseDayNumber,
  toDayNumber,
  weekdayOf,
} from "../../../src/rules/day-numbers";
import {
  findPeriodContaining,
  listPeriodWindows,
  measureShortestPeriod,
} from "../../../src/rules/periods";
import type { Period } from "../../../src/rules/types";

const day = (s: string): number => parseDayNumber(s);
const fmt = (w: { start: number; end: number }): [string, string] => [
  formatDayNumber(w.start),
  formatDayNumber(w.end - 1),
];

describe("day numbers", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-02-29", 11016],
    ["2026-09-01", 20697],
  ])("%s is day %i", (date, n) => {
    expect(parseDayNumber(date)).toBe(n);
    expect(formatDayNumber(n)).toBe(date);
  });

  it.each([
    ["2026-08-31T17:00:00Z", "2026-09-01"],
    ["2026-08-31T15:59:59Z", "2026-08-31"],
    ["2026-08-31T16:00:00.000Z", "2026-09-01"],
    ["2026-09-01T00:30:00+08:00", "2026-09-01"],
    ["2026-09-01T00:30:00+0800", "2026-09-01"],
    ["2026-08-31T12:00:00-05:00", "2026-09-01"],
    ["2026-08-31T23:30:00", "2026-08-31"],
    ["2024-02-28T16:00:00Z", "2024-02-29"],
    ["2024-12-31T16:00:00Z", "2025-01-01"],
  ])("%s is %s in Shanghai", (input, expected) => {
    expect(formatDayNumber(parseDayNumber(input))).toBe(expected);
  });

  it.each(["2023-02-29", "2026-13-01", "26-01-01", "2026-01-01X10:00", "2026-01-01T10:00+8"])(
    "rejects %s",
    (s) => {
      expect(parseDayNumber(s)).toBeNaN();
    },
  );

  it("matches the Asia/Shanghai offset of the tz database for any instant since 1992", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const shanghai = new Date(ms + tzOffset("Asia/Shanghai", new Date(ms)) * 60_000)
          .toISOString()
          .slice(0, 10);
        expect(formatDayNumber(parseDayNumber(iso))).toBe(shanghai);
      }),
    );
  });

  it("round-trips any date and adds months with end-of-month clamping", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        expect(parseDayNumber(formatDayNumber(n))).toBe(n);
      }),
    );
    expect(formatDayNumber(addMonths(day("2024-01-31"), 1))).toBe("2024-02-29");
    expect(formatDayNumber(addMonths(day("2023-01-31"), 1))).toBe("2023-02-28");
    expect(formatDayNumber(addMonths(day("2024-02-29"), 12))).toBe("2025-02-28");
    expect(weekdayOf(day("2026-09-07"))).toBe(0); // a Monday
  });
});

describe("periods", () => {
  const context = {
    campaignStart: day("2025-09-01"),
    campaignEnd: day("2027-09-01"),
    phases: new Map(),
  };
  const containing = (period: Period, date: string) =>
    fmt(findPeriodContaining(period, day(date), context));

  it.each<[Period, string, [string, string]]>([
    [{ kind: "week" }, "2026-09-06", ["2026-08-31", "2026-09-06"]], // Sunday belongs to the week of Monday 31 Aug
    [{ kind: "week" }, "2026-09-07", ["2026-09-07", "2026-09-13"]],
    [{ kind: "halfMonth" }, "2024-02-15", ["2024-02-01", "2024-02-15"]],
    [{ kind: "halfMonth" }, "2024-02-29", ["2024-02-16", "2024-02-29"]],
    [{ kind: "month" }, "2024-02-29", ["2024-02-01", "2024-02-29"]],
    [{ kind: "nMonths", months: 2 }, "2026-04-30", ["2026-03-01", "2026-04-30"]],
    [{ kind: "semester" }, "2024-02-29", ["2023-09-01", "2024-02-29"]],
    [{ kind: "semester" }, "2024-03-01", ["2024-03-01", "2024-08-31"]],
    [{ kind: "semester" }, "2026-09-01", ["2026-09-01", "2027-02-28"]],
    [{ kind: "academicYear" }, "2026-08-31", ["2025-09-01", "2026-08-31"]],
    [{ kind: "academicYear" }, "2026-09-01", ["2026-09-01", "2027-08-31"]],
    [{ kind: "calendarYear" }, "2026-12-31", ["2026-01-01", "2026-12-31"]],
    [{ kind: "halfYear" }, "2026-07-01", ["2026-07-01", "2026-12-31"]],
    [{ kind: "nYears", years: 2 }, "2027-08-31", ["2025-09-01", "2027-08-31"]],
    [{ kind: "campaign" }, "2026-05-05", ["2025-09-01", "2027-08-31"]],
  ])("%j containing %s", (period, date, expected) => {
    expect(containing(period, date)).toEqual(expected);
  });

  it("lists the windows begun by asOf, clipped to a campaign that starts mid-period", () => {
    const ctx = {
      campaignStart: day("2026-03-15"),
      campaignEnd: day("2026-07-01"),
      phases: new Map(),
    };
    const windows = listPeriodWindows({ kind: "month" }, ctx, day("2026-05-01"));
    expect(windows.map(fmt)).toEqual([
      ["2026-03-15", "2026-03-31"],
      ["2026-04-01", "2026-04-30"],
      ["2026-05-01", "2026-05-31"],
    ]);
    expect(formatDayNumber(windows[0]!.naturalStart)).toBe("2026-03-01");
    const years = listPeriodWindows({ kind: "calendarYear" }, ctx, day("2026-12-31"));
    expect(years.map(fmt)).toEqual([["2026-03-15", "2026-06-30"]]);
  });

  it("uses phase dates for phase periods and nothing before the campaign starts", () => {
    const ctx = {
      campaignStart: day("2026-03-01"),
      campaignEnd: day("2027-03-01"),
      phases: new Map([["mob", { start: day("2026-03-01"), end: day("2026-04-01") }]]),
    };
    expect(
      listPeriodWindows({ kind: "phase", phaseId: "mob" }, ctx, day("2026-03-02")).map(fmt),
    ).toEqual([["2026-03-01", "2026-03-31"]]);
    expect(listPeriodWindows({ kind: "week" }, ctx, day("2026-02-28"))).toEqual([]);
  });

  it("never lets a window start after its end, and windows tile the campaign without gaps", () => {
    const kinds: Period[] = [
      { kind: "week" },
      { kind: "halfMonth" },
      { kind: "month" },
      { kind: "nMonths", months: 3 },
      { kind: "semester" },
      { kind: "academicYear" },
      { kind: "calendarYear" },
      { kind: "halfYear" },
      { kind: "nYears", years: 1 },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: day("2000-01-01"), max: day("2040-01-01") }),
        fc.integer({ min: 1, max: 1500 }),
        fc.constantFrom(...kinds),
        (start, length, period) => {
          const ctx = { campaignStart: start, campaignEnd: start + length, phases: new Map() };
          const windows = listPeriodWindows(period, ctx, start + length);
          expect(windows[0]!.start).toBe(start);
          expect(windows[windows.length - 1]!.end).toBe(start + length);
          for (let i = 0; i < windows.length; i++) {
            expect(windows[i]!.start).toBeLessThan(windows[i]!.end);
            if (i > 0) expect(windows[i]!.start).toBe(windows[i - 1]!.end);
          }
          if (period.kind !== "nYears") {
            for (const w of windows)
              expect(w.naturalEnd - w.naturalStart).toBeGreaterThanOrEqual(
                measureShortestPeriod(period),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("starts semesters and academic years on 1 September and 1 March", () => {
    expect(toDayNumber(2026, 9, 1)).toBe(day("2026-09-01"));
    expect(containing({ kind: "semester" }, "2026-08-31")).toEqual(["2026-03-01", "2026-08-31"]);
  });
});
