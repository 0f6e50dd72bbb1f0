import { describe, expect, it } from "vitest";
import {
  CreateMemberInput,
  ImportMemberRow,
  MemberRosterQuery,
  normalizeLooseDate,
} from "@/lib/schemas/member";

const base = {
  number: "T001",
  name: "张三",
  gender: "男",
  orgCode: "B01",
  status: "正式党员",
  category: "教师",
};

describe("ImportMemberRow", () => {
  it.each([
    ["2020-07-01", "2020-07-01"],
    ["2020/7/1", "2020-07-01"],
    ["2020.07.01", "2020-07-01"],
    ["2020年7月1日", "2020-07-01"],
    ["20200701", "2020-07-01"],
    ["２０２０－０７－０１", "2020-07-01"],
    ["7/1/2020", null],
  ])("normalises the date %s", (text, expected) => {
    expect(normalizeLooseDate(text)).toBe(expected);
  });

  it("derives the development stage from the status", () => {
    expect(ImportMemberRow.parse({ ...base, status: "预备党员" }).developmentStage).toBe(
      "PROBATIONARY",
    );
  });

  it("leaves absent optional columns undefined and clears present empty ones", () => {
    const absent = ImportMemberRow.parse(base);
    expect([absent.phone, absent.positions, absent.cadreLevel, absent.joinedAt]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const empty = ImportMemberRow.parse({
      ...base,
      phone: " ",
      positions: "",
      cadreLevel: "",
      joinedAt: "",
    });
    expect([empty.phone, empty.positions, empty.cadreLevel, empty.joinedAt]).toEqual([
      null,
      [],
      "NONE",
      null,
    ]);
  });

  it("stores positions in a canonical order without repeats", () => {
    expect(ImportMemberRow.parse({ ...base, positions: "教授;书记、书记" }).positions).toEqual([
      "SECRETARY",
      "PROFESSOR",
    ]);
  });

  it("maps 党小组组长 and known codes, and refuses unknown text instead of inventing a position", () => {
    expect(
      ImportMemberRow.parse({ ...base, positions: "党小组组长, COUNSELOR" }).positions,
    ).toEqual(["GROUP_LEADER", "COUNSELOR"]);
    const result = ImportMemberRow.safeParse({ ...base, positions: "书记、SECRETRAY" });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["positions", expect.stringMatching(/^无法识别职务“SECRETRAY”，可选：书记、/)],
    ]);
  });

  it("refuses control characters in names", () => {
    const result = ImportMemberRow.safeParse({ ...base, name: "张\u202e三" });
    expect(result.success).toBe(false);
  });
});

describe("CreateMemberInput", () => {
  const form = {
    number: "T001",
    name: "张三",
    gender: "MALE",
    status: "FULL",
    category: "TEACHER",
    cadreLevel: "",
    positions: [],
    orgId: "0195f3a0-0000-7000-8000-000000000000",
    orgFrom: "",
    phone: "",
    birthDate: "",
    joinedAt: "",
    fullMemberAt: "",
  };

  it("turns empty optional fields into null and defaults the cadre level", () => {
    expect(CreateMemberInput.parse(form)).toMatchObject({
      cadreLevel: "NONE",
      phone: null,
      orgFrom: null,
      developmentStage: "FULL",
    });
  });

  it("keeps position codes the form does not offer (Member.positions is an open list)", () => {
    expect(
      CreateMemberInput.parse({
        ...form,
        positions: ["TENANT_ROLE", "COUNSELOR", "SECRETARY", "COUNSELOR"],
      }).positions,
    ).toEqual(["SECRETARY", "COUNSELOR", "TENANT_ROLE"]);
    expect(CreateMemberInput.safeParse({ ...form, positions: ["not a code"] }).success).toBe(false);
  });

  it("reports each problem on its field", () => {
    const result = CreateMemberInput.safeParse({ ...form, number: "T 1", gender: "", orgId: "" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["number", "gender", "orgId"]));
  });
});

describe("MemberRosterQuery", () => {
  it("never fails: unusable values are dropped", () => {
    expect(
      MemberRosterQuery.parse({
        q: "  张 ",
        orgIds: ["x", "0195F3A0-0000-7000-8000-000000000000"],
        category: "NOPE",
        page: "-3",
        pageSize: "7",
      }),
    ).toEqual({
      q: "张",
      orgIds: ["0195f3a0-0000-7000-8000-000000000000"],
      page: 1,
      pageSize: 20,
    });
  });

  it("accepts several organizations as repeated or comma-separated values", () => {
    const a = "0195f3a0-0000-7000-8000-000000000001";
    const b = "0195f3a0-0000-7000-8000-000000000002";
    expect(MemberRosterQuery.parse({ orgIds: `${a},${b}` }).orgIds).toEqual([a, b]);
    expect(MemberRosterQuery.parse({ orgIds: [a, b, a] }).orgIds).toEqual([a, b]);
  });
});
