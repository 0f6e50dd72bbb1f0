import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS, zhCN } from "date-fns/locale";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, todayInShanghai } from "@/lib/format";

// The formatters read wall-clock fields without TZDate; these compare them with TZDate, which
// they replaced, over instants from 1900 to 2100 (Shanghai kept daylight time in 1986–1991).
const instants = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

describe("date formatting", () => {
  it("formats a calendar date as TZDate in UTC does", () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const day = new Date(Math.floor(ms / 86_400_000) * 86_400_000);
        const utc = new TZDate(day.getTime(), "UTC");
        expect(formatDay(day, "zh-CN")).toBe(format(utc, "yyyy年M月d日", { locale: zhCN }));
        expect(formatDay(day, "en")).toBe(format(utc, "d MMM yyyy", { locale: enUS }));
      }),
      { numRuns: 2000 },
    );
  });

  it("formats an instant as TZDate in Asia/Shanghai does", () => {
    fc.assert(
      fc.property(instants, (ms) => {
        const sh = new TZDate(ms, "Asia/Shanghai");
        expect(formatDateTime(new Date(ms), "zh-CN")).toBe(
          format(sh, "yyyy年M月d日 HH:mm", { locale: zhCN }),
        );
        expect(formatDateTime(new Date(ms), "en")).toBe(
          format(sh, "d MMM yyyy HH:mm", { locale: enUS }),
        );
        expect(todayInShanghai(new Date(ms))).toBe(format(sh, "yyyy-MM-dd"));
      }),
      { numRuns: 2000 },
    );
  });

  it("is right when the server's own zone skips the wall time (a daylight-saving gap)", () => {
    const saved = process.env.TZ;
    process.env.TZ = "America/Santiago"; // 2022-09-11 00:00 did not exist there
    try {
      // Midnight of that day in Shanghai.
      const instant = new Date(Date.UTC(2022, 8, 10, 16));
      expect(formatDateTime(instant, "zh-CN")).toBe("2022年9月11日 00:00");
      expect(formatDay(new Date(Date.UTC(2022, 8, 11)), "en")).toBe("11 Sep 2022");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("keeps the edges: Shanghai's midnight, a string, an empty value", () => {
    expect(todayInShanghai(new Date("2026-11-21T15:59:59Z"))).toBe("2026-11-21");
    expect(todayInShanghai(new Date("2026-11-21T16:00:00Z"))).toBe("2026-11-22");
    expect(formatDay("2026-03-01T00:00:00.000Z", "zh-CN")).toBe("2026年3月1日");
    expect(formatDateTime("2026-03-01T00:00:00.000Z", "en")).toBe("1 Mar 2026 08:00");
    expect(formatDay(null, "en")).toBe("—");
  });
});
