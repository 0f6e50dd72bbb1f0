import { describe, expect, it } from "vitest";
import {
  isCalendarDay,
  multiLine,
  optionalMultiLine,
  optionalSingleLine,
  singleLine,
} from "@/lib/schemas/text";
import { CreateOrganizationInput } from "@/lib/schemas/organization";
import { AddTaskUpdateInput, CreateTaskInput } from "@/lib/schemas/task";
import { AddMatterInput, CloseMatterInput } from "@/lib/schemas/practical-matter";
import { UpdateCampaignInput, CreateCampaignFromTemplateInput } from "@/lib/schemas/campaign";
import { ReturnActivityInput } from "@/lib/schemas/activity";
import { cleanFileName } from "@/server/evidence/check-evidence-file";
import { HOSTILE_STRINGS } from "../../fuzz/hostile-corpus";

const UUID = "0b7c1c6e-4f1e-4b8e-9d0a-2f3c4d5e6f70";

describe("single-line text", () => {
  const name = singleLine(40, "名称");
  it("refuses control characters, line breaks and bidi formatting, with a message naming them", () => {
    const message = (s: string) => name.safeParse(s).error?.issues[0]?.message;
    expect(message("\u202egnp.exe")).toBe("名称含有文字方向控制字符（如 U+202E），请删除后重试");
    expect(message("甲\u2066乙\u2069")).toMatch(/文字方向控制字符/);
    expect(message("\u200f名称")).toMatch(/文字方向控制字符/);
    expect(message("第一行\n第二行")).toBe("名称只能填写一行，不能换行");
    expect(message("名\u2028称")).toMatch(/不能换行/);
    expect(message("名\u0000称")).toBe("名称含有不可见的控制字符，请删除后重试");
    expect(message("甲\t乙")).toMatch(/控制字符/);
    expect(message("名\u0085称")).toMatch(/控制字符/);
    expect(message("名\u007f")).toMatch(/控制字符/);
  });
  it("stores markup, SQL, formulas and other Unicode as typed (trimmed)", () => {
    for (const s of [
      "<script>alert(1)</script>",
      "' OR '1'='1",
      '=HYPERLINK("x")',
      "👨‍👩‍👧 家庭",
      "名\u200b称",
    ])
      expect(name.parse(` ${s} `)).toBe(s);
  });
  it("optional: blank is null", () => {
    expect(optionalSingleLine(10, "x").parse("  ")).toBeNull();
    expect(optionalSingleLine(10, "x").parse(undefined)).toBeNull();
  });
});

describe("multi-line text", () => {
  const text = multiLine(100, "说明");
  it("keeps tabs and line breaks (as \\n), refuses the rest", () => {
    expect(text.parse(" 第一行\r\n\t第二行\r第三行 ")).toBe("第一行\n\t第二行\n第三行");
    expect(text.safeParse("甲\u202e乙").success).toBe(false);
    expect(text.safeParse("甲\u0007乙").success).toBe(false);
    expect(text.safeParse("甲\u0085乙").success).toBe(false);
    expect(optionalMultiLine(10, "x").parse("\r\n")).toBeNull();
  });
});

describe("isCalendarDay", () => {
  it("never throws, and refuses days that do not exist", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    for (const { value } of HOSTILE_STRINGS)
      expect(() => isCalendarDay(value as string)).not.toThrow();
  });
});

// Regressions found by the hostile-input test: each threw (a 500) or stored the wrong thing.
describe("every schema refuses hostile text without throwing", () => {
  it("dates: garbage in a date field is a field error, not a RangeError", () => {
    for (const { value } of HOSTILE_STRINGS) {
      const s = value as string;
      expect(() =>
        CreateCampaignFromTemplateInput.safeParse({
          templateCode: "x",
          name: "x",
          startDate: s,
          rootOrgId: UUID,
        }),
      ).not.toThrow();
      expect(() =>
        UpdateCampaignInput.safeParse({
          id: UUID,
          version: 1,
          name: "x",
          startDate: "2026-01-01",
          endDate: s,
          status: "ACTIVE",
        }),
      ).not.toThrow();
    }
  });

  it("an impossible due date is refused, not rolled over into the next month", () => {
    const matter = AddMatterInput.safeParse({
      listId: UUID,
      title: "修路灯",
      ownerOrgId: UUID,
      dueDate: "2026-02-30",
    });
    expect(matter.success).toBe(false);
    const task = CreateTaskInput.safeParse({
      campaignId: UUID,
      title: "x",
      leadDepartmentId: UUID,
      dueDate: "2026-02-30",
    });
    expect(task.success).toBe(false);
  });

  it("NUL (which PostgreSQL cannot store) and bidi overrides are refused in tasks and matters", () => {
    const task = { campaignId: UUID, leadDepartmentId: UUID, dueDate: "2026-05-01" };
    expect(CreateTaskInput.safeParse({ ...task, title: "任\u0000务" }).success).toBe(false);
    expect(CreateTaskInput.safeParse({ ...task, title: "\u202e任务" }).success).toBe(false);
    expect(
      CreateTaskInput.safeParse({ ...task, title: "任务", description: "甲\n乙" }).data,
    ).toMatchObject({ description: "甲\n乙" });
    expect(AddTaskUpdateInput.safeParse({ taskId: UUID, text: "进展\u0000" }).success).toBe(false);
    const matter = { listId: UUID, ownerOrgId: UUID, dueDate: "2026-05-01" };
    expect(AddMatterInput.safeParse({ ...matter, title: "实事\u0000" }).success).toBe(false);
    expect(
      CloseMatterInput.safeParse({ matterId: UUID, version: 1, closingNote: "已办结\u202e" })
        .success,
    ).toBe(false);
  });

  it("textareas accept line breaks: campaign description, return reason", () => {
    const campaign = UpdateCampaignInput.safeParse({
      id: UUID,
      version: 1,
      name: "x",
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      status: "ACTIVE",
      description: "第一段\r\n第二段",
    });
    expect(campaign.data?.description).toBe("第一段\n第二段");
    expect(
      ReturnActivityInput.parse({ id: UUID, version: 1, reason: "缺照片\n缺签到表" }).reason,
    ).toBe("缺照片\n缺签到表");
  });

  it("organization names keep the single-line policy", () => {
    const org = {
      parentId: UUID,
      code: "X1",
      level: "BRANCH",
      kind: "TEACHER",
      validFrom: "2026-01-01",
    };
    expect(CreateOrganizationInput.safeParse({ ...org, name: "第一支部\u202e" }).success).toBe(
      false,
    );
    expect(CreateOrganizationInput.safeParse({ ...org, name: "第一支部\u0085" }).success).toBe(
      false,
    );
  });

  it("evidence file names lose directories and every forbidden character", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("照片\u200f\u0085.png")).toBe("照片.png");
  });
});

describe("findForbiddenInJson", () => {
  it("names the first string holding a control or bidi character, keys included", async () => {
    const { findForbiddenInJson } = await import("@/lib/schemas/text");
    expect(findForbiddenInJson({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toBe("a.1.c");
    expect(findForbiddenInJson({ "k\u202e": 1 })).toBe("k\u202e");
    expect(findForbiddenInJson({ a: "第一行\n第二行\t" })).toBeNull();
    // 100 000 levels deep: no stack overflow.
    expect(
      findForbiddenInJson(JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`)),
    ).toMatch(/^0(\.0)+$/);
  });
});
