import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en/opinions.json";
import zh from "@/i18n/messages/zh-CN/opinions.json";
import { PublicOpinionInput, ReceiptInput } from "@/lib/schemas/opinion";
import {
  clientHash,
  hashOpinionToken,
  newOpinionToken,
  newReceiptCode,
  pointsForAverage,
  roundState,
  TOKEN_SHAPE,
} from "@/server/data/opinions/opinion-rules";

describe("points from an average satisfaction (docs/ratings.md)", () => {
  it.each([
    [5, 10, 10],
    [4.5, 10, 8.75],
    [4, 10, 7.5],
    [3, 20, 10],
    [2, 10, 2.5],
    [1, 10, 0],
    [4.2, 10, 8],
    [3.9, 15, 10.88],
  ])("average %s of %s points → %s", (average, max, points) => {
    expect(pointsForAverage(average, max)).toBe(points);
  });
  it("clamps averages outside 1..5", () => {
    expect(pointsForAverage(7, 10)).toBe(10);
    expect(pointsForAverage(0, 10)).toBe(0);
  });
});

describe("round state", () => {
  const round = {
    opensOn: new Date("2026-03-01T00:00:00Z"),
    closesOn: new Date("2026-03-31T00:00:00Z"),
    closedAt: null,
  };
  it("is open on its first and last day, not before or after", () => {
    expect(roundState(round, "2026-02-28")).toBe("upcoming");
    expect(roundState(round, "2026-03-01")).toBe("open");
    expect(roundState(round, "2026-03-31")).toBe("open");
    expect(roundState(round, "2026-04-01")).toBe("closed");
    expect(roundState({ ...round, closedAt: new Date() }, "2026-03-15")).toBe("closed");
  });
});

describe("tokens, receipts and client hashes", () => {
  it("makes unguessable tokens and stores only a hash", () => {
    const a = newOpinionToken();
    expect(a).toMatch(TOKEN_SHAPE);
    expect(a).not.toBe(newOpinionToken());
    expect(hashOpinionToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
  it("receipt codes are 12 unambiguous characters", () => {
    for (let i = 0; i < 50; i++) expect(newReceiptCode()).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(ReceiptInput.parse({ code: " abcd-efgh-jkmn " }).code).toBe("ABCDEFGHJKMN");
  });
  it("a client hash depends on round, address and agent and does not contain the address", () => {
    const h = clientHash("r1", "203.0.113.9", "ua");
    expect(h).not.toContain("203.0.113.9");
    expect(h).toBe(clientHash("r1", "203.0.113.9", "ua"));
    expect(h).not.toBe(clientHash("r2", "203.0.113.9", "ua"));
    expect(h).not.toBe(clientHash("r1", "203.0.113.8", "ua"));
    expect(h).not.toBe(clientHash("r1", "203.0.113.9", "other"));
  });
});

describe("public input", () => {
  it("keeps markup as typed text and caps the length", () => {
    const body = "<script>alert(1)</script>";
    expect(PublicOpinionInput.parse({ body, anonymous: true }).body).toBe(body);
    expect(PublicOpinionInput.safeParse({ body: "x".repeat(2001), anonymous: true }).success).toBe(
      false,
    );
    expect(PublicOpinionInput.safeParse({ body: "x".repeat(2000), anonymous: true }).success).toBe(
      true,
    );
  });
  it("needs a name and contact unless anonymous", () => {
    const r = PublicOpinionInput.safeParse({ body: "x", anonymous: false });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "authorContact",
      "authorName",
    ]);
  });
  it("refuses scores outside 1..5", () => {
    expect(PublicOpinionInput.safeParse({ anonymous: true, scores: { a: 0 } }).success).toBe(false);
    expect(PublicOpinionInput.safeParse({ anonymous: true, scores: { a: 5 } }).success).toBe(true);
  });
});

describe("messages", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it("has the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
