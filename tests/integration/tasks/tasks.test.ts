import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import { createTask } from "@/server/data/tasks/create-task";
import { getTask } from "@/server/data/tasks/get-task";
import { listTasks } from "@/server/data/tasks/list-tasks";
import { addTaskUpdate } from "@/server/data/tasks/add-task-update";
import { signOffTask } from "@/server/data/tasks/sign-off-task";
import { applyTemplateTasks } from "@/server/data/tasks/apply-template-tasks";
import { createMattersList } from "@/server/data/practical-matters/create-matters-list";
import { closeMatter } from "@/server/data/practical-matters/close-matter";
import { createCalendarToken, revokeCalendarToken } from "@/server/data/calendar/calendar-tokens";
import { runTenantJobs } from "@/server/jobs/run-jobs";
import { GET } from "../../../app/api/calendar/[token]/route";
import { ensureTaskRecords, snapshotTaskArea, taskIds } from "./helpers";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("tasks-a");
  b = await createTenantFixture("tasks-b");
  await ensureTaskRecords(a, "2026-03-10");
  await ensureTaskRecords(b, "2026-03-10");
});

const pdf = () =>
  new File(
    [new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")],
    "m.pdf",
    { type: "application/pdf" },
  );
const exe = () =>
  new File(
    [new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])],
    "photo.jpg",
    { type: "image/jpeg" },
  );

describe("derived status", () => {
  it("shows an overdue task as overdue without anyone editing it", async () => {
    const admin = await a.actor("admin");
    const id = taskIds(a).task;
    expect((await getTask(admin, id, "2026-03-10")).status).toBe("NOT_STARTED");
    expect((await getTask(admin, id, "2026-03-11")).status).toBe("OVERDUE");
    const { tasks } = await listTasks(admin, { status: "OVERDUE" }, "2026-03-11");
    expect(tasks.map((t) => t.id)).toContain(id);
  });
});

describe("bad input is refused at the field, nothing written", () => {
  it("a due date before the campaign starts", async () => {
    const before = await snapshotTaskArea(a.tenantId);
    const admin = await a.actor("admin");
    await expect(
      createTask(admin, {
        campaignId: taskIds(a).campaign,
        title: "x",
        description: null,
        leadDepartmentId: a.departmentId,
        cooperatingDepartmentIds: [],
        orgIds: [],
        dueDate: "2025-12-31",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { dueDate: [expect.stringContaining("开始")] },
    });
    expect(await snapshotTaskArea(a.tenantId)).toBe(before);
  });

  it("a task without a lead department (schema)", async () => {
    const { CreateTaskInput } = await import("@/lib/schemas/task");
    const parsed = CreateTaskInput.safeParse({
      campaignId: taskIds(a).campaign,
      title: "x",
      dueDate: "2026-05-01",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path[0] === "leadDepartmentId")?.message).toBe(
      "请选择牵头部门",
    );
  });

  it("an evidence file of the wrong type", async () => {
    const before = await snapshotTaskArea(a.tenantId);
    const admin = await a.actor("admin");
    await expect(
      addTaskUpdate(admin, { taskId: taskIds(a).task, text: "进展", percent: 10, files: [exe()] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { files: [expect.stringContaining("不是支持的类型")] },
    });
    expect(await snapshotTaskArea(a.tenantId)).toBe(before);
  });
});

describe("tenant isolation", () => {
  it("tenant B's ids are NOT_FOUND to tenant A, and B is unchanged", async () => {
    const before = await snapshotTaskArea(b.tenantId);
    const admin = await a.actor("admin");
    const ids = taskIds(b);
    await expect(getTask(admin, ids.task)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(signOffTask(admin, { taskId: ids.task, version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      addTaskUpdate(admin, { taskId: ids.task, text: "x", percent: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      closeMatter(admin, { matterId: ids.matter, version: 1, closingNote: "x", files: [pdf()] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeCalendarToken(admin, ids.calendarToken)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshotTaskArea(b.tenantId)).toBe(before);
  });
});

describe("tasks and lists", () => {
  it("applies the template's tasks once, with departments resolved by code", async () => {
    const admin = await a.actor("admin");
    const db = adminDb();
    // The fixture has one department (code ZZB): the template needs the demo codes.
    await expect(applyTemplateTasks(admin, taskIds(a).campaign)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    for (const code of [
      "ORG",
      "PUB",
      "OFFICE",
      "STU",
      "DISC",
      "QA",
      "HR",
      "ACAD",
      "YOUTH",
      "UNION",
    ])
      await db.department.create({ data: { tenantId: a.tenantId, code, name: code } });
    const first = await applyTemplateTasks(admin, taskIds(a).campaign);
    expect(first.created).toBeGreaterThan(10);
    const second = await applyTemplateTasks(admin, taskIds(a).campaign);
    expect(second.created).toBe(0);
  });

  it("a secretary posts progress with evidence; the organization department signs off", async () => {
    const secretary = await a.actor("secretary");
    await addTaskUpdate(secretary, {
      taskId: taskIds(a).task,
      text: "已召开专题会",
      percent: 50,
      files: [pdf()],
    });
    const admin = await a.actor("admin");
    const task = await getTask(admin, taskIds(a).task, "2026-03-01");
    expect(task.status).toBe("IN_PROGRESS");
    expect(task.updates[0]!.evidence).toHaveLength(1);
    await expect(
      signOffTask(secretary, { taskId: task.id, version: task.version }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await signOffTask(admin, { taskId: task.id, version: task.version });
    expect((await getTask(admin, task.id, "2027-01-01")).status).toBe("DONE");
  });

  it("the next list carries still-open items as new rows marked carried", async () => {
    const admin = await a.actor("admin");
    const { id, carried } = await createMattersList(admin, {
      campaignId: taskIds(a).campaign,
      title: "3-4月",
      periodStart: "2026-03-01",
      periodEnd: "2026-04-30",
    });
    expect(carried).toBe(1);
    const rows = await adminDb().practicalMatter.findMany({
      where: { tenantId: a.tenantId, listId: id },
    });
    expect(rows).toMatchObject([{ carriedFromId: taskIds(a).matter, title: "修缮学生活动室" }]);
  });
});

describe("scheduled jobs", () => {
  it("a run repeated for the same period sends nothing new", async () => {
    const db = adminDb();
    // A task due in 7 days and one due tomorrow, assigned to b11 (its secretary is told).
    const admin = await a.actor("admin");
    const now = new Date("2026-04-01T02:00:00Z"); // 10:00 in Shanghai, 2026-04-01
    await createTask(admin, {
      campaignId: taskIds(a).campaign,
      title: "七天后到期",
      description: null,
      leadDepartmentId: a.departmentId,
      cooperatingDepartmentIds: [],
      orgIds: [a.orgs.b11!.id],
      dueDate: "2026-04-08",
    });
    await createTask(admin, {
      campaignId: taskIds(a).campaign,
      title: "明天到期",
      description: null,
      leadDepartmentId: a.departmentId,
      cooperatingDepartmentIds: [],
      orgIds: [a.orgs.b11!.id],
      dueDate: "2026-04-02",
    });
    const first = await runTenantJobs(a.tenantId, now);
    expect(first.find((o) => o.job === "deadline-reminders")).toMatchObject({ status: "done" });
    const count = await db.notification.count({
      where: { tenantId: a.tenantId, kind: "reminder.task" },
    });
    expect(count).toBeGreaterThanOrEqual(4); // secretary + admin for each of the two tasks
    const secretaryReminders = await db.notification.findMany({
      where: { tenantId: a.tenantId, userId: a.users.secretary!, kind: "reminder.task" },
    });
    expect(secretaryReminders.map((n) => n.dedupeKey).sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:2026-04-02:1d$/),
        expect.stringMatching(/:2026-04-08:7d$/),
      ]),
    );
    const again = await runTenantJobs(a.tenantId, new Date("2026-04-01T05:00:00Z"));
    expect(again.every((o) => o.status === "skipped")).toBe(true);
    expect(
      await db.notification.count({ where: { tenantId: a.tenantId, kind: "reminder.task" } }),
    ).toBe(count);
    // The next day's pass: the 1-day reminder for the 8th is not due yet, and nothing is repeated.
    await runTenantJobs(a.tenantId, new Date("2026-04-02T02:00:00Z"));
    expect(
      await db.notification.count({ where: { tenantId: a.tenantId, kind: "reminder.task" } }),
    ).toBe(count);
  });
});

describe("calendar feed", () => {
  it("serves the feed for a live token and 404 once it is revoked", async () => {
    const secretary = await a.actor("secretary");
    const { id, token } = await createCalendarToken(secretary);
    const call = (tok: string) =>
      GET(new Request(`http://localhost/api/calendar/${tok}`), {
        params: Promise.resolve({ token: tok }),
      });
    const ok = await call(token);
    expect(ok.status).toBe(200);
    const body = await ok.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("七天后到期");
    await revokeCalendarToken(secretary, id);
    expect((await call(token)).status).toBe(404);
    expect((await call("x".repeat(43))).status).toBe(404);
  });
});
