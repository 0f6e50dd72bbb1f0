import { describe, expect, it } from "vitest";
import {
  emptyTally,
  leadingVerdict,
  roundState,
  shuffled,
} from "@/server/data/appraisal/appraisal-rules";
import { windowStage } from "@/server/data/commendations/commendation-rules";

const d = (iso: string) => new Date(iso + "T00:00:00.000Z");

describe("roundState", () => {
  const round = { startsOn: d("2026-11-01"), endsOn: d("2026-11-30"), closedAt: null };
  it("is open on both end days, inclusive, and closed whenever closedAt is set", () => {
    expect(roundState(round, "2026-10-31")).toBe("upcoming");
    expect(roundState(round, "2026-11-01")).toBe("open");
    expect(roundState(round, "2026-11-30")).toBe("open");
    expect(roundState(round, "2026-12-01")).toBe("ended");
    expect(roundState({ ...round, closedAt: new Date() }, "2026-11-15")).toBe("closed");
  });
});

describe("leadingVerdict", () => {
  it("is the verdict with most votes; a tie goes to the less favourable verdict; none without votes", () => {
    expect(leadingVerdict(emptyTally())).toBeNull();
    expect(leadingVerdict({ ...emptyTally(), EXCELLENT: 3, QUALIFIED: 2, total: 5 })).toBe(
      "EXCELLENT",
    );
    expect(
      leadingVerdict({ ...emptyTally(), QUALIFIED: 2, BASICALLY_QUALIFIED: 2, total: 4 }),
    ).toBe("BASICALLY_QUALIFIED");
  });
});

describe("shuffled", () => {
  it("keeps every item and does not keep the order every time", () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const runs = Array.from({ length: 5 }, () => shuffled(items));
    for (const r of runs) expect([...r].sort((a, b) => a - b)).toEqual(items);
    expect(runs.every((r) => r.join() === items.join())).toBe(false);
    expect(items).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
});

describe("windowStage", () => {
  const w = {
    nominationStartsOn: d("2026-06-01"),
    nominationEndsOn: d("2026-06-15"),
    publishedAt: null,
    noticeStartsOn: null,
    noticeEndsOn: null,
    finalizedAt: null,
  };
  it("moves from nomination through review and notice to final", () => {
    expect(windowStage(w, "2026-05-31")).toBe("upcoming");
    expect(windowStage(w, "2026-06-15")).toBe("nominating");
    expect(windowStage(w, "2026-06-16")).toBe("reviewing");
    const published = {
      ...w,
      publishedAt: new Date(),
      noticeStartsOn: d("2026-06-20"),
      noticeEndsOn: d("2026-06-26"),
    };
    expect(windowStage(published, "2026-06-26")).toBe("notice");
    expect(windowStage(published, "2026-06-27")).toBe("noticeEnded");
    expect(windowStage({ ...published, finalizedAt: new Date() }, "2026-06-27")).toBe("final");
  });
});
