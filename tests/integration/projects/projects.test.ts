import { beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";
import { adminDb } from "../../setup/admin-db";
import { loadActor } from "@/server/auth/load-actor";
import type { Actor } from "@/server/authz/actor";
import {
  linkDepartmentStaff,
  unlinkDepartmentStaff,
} from "@/server/data/departments/department-staff";
import { listMyDepartmentWork } from "@/server/data/departments/department-work";
import { closeMatter } from "@/server/data/practical-matters/close-matter";
import { getMatter } from "@/server/data/practical-matters/list-matters";
import { addTaskUpdate } from "@/server/data/tasks/add-task-update";
import { createSecretaryProject } from "@/server/data/secretary-projects/create-secretary-project";
import { addMilestone } from "@/server/data/secretary-projects/add-milestone";
import { updateMilestone } from "@/server/data/secretary-projects/update-milestone";
import {
  getSecretaryProject,
  listSecretaryProjects,
} from "@/server/data/secretary-projects/list-secretary-projects";
import { fileImplementationPlan } from "@/server/data/implementation-plans/file-plan";
import { listImplementationPlans } from "@/server/data/implementation-plans/list-plans";
import { listOpenDeadlines } from "@/server/data/calendar/calendar-feed";
import { runTenantJobs } from "@/server/jobs/run-jobs";
import { ensureProjectRecords, PLAN_DEADLINE, projectIds, snapshotProjectArea } from "./helpers";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("proj-a");
  b = await createTenantFixture("proj-b");
  await ensureProjectRecords(a);
  await ensureProjectRecords(b);
});

const pdf = (name = "evidence.pdf") =>
  new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], name, {
    type: "application/pdf",
  });
const exe = () =>
  new File(
    [new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])],
    "photo.jpg",
    { type: "image/jpeg" },
  );

async function staff(t: TenantFixture): Promise<Actor> {
  const actor = await loadActor(t.tenantId, projectIds(t).staffUser, 1);
  if (!actor) throw new Error("staff user did not load");
  return actor;
}

describe("department staff", () => {
  it("is loaded with the actor and sees only its department's open work", async () => {
    const s = await staff(a);
    expect(s.assignments).toEqual([]);
    expect(s.departmentIds).toEqual([projectIds(a).department]);
    const work = await listMyDepartmentWork(s);
    expect(work.matters.map((m) => m.id)).toEqual([projectIds(a).deptMatter]);
    expect(work.tasks.map((t) => t.id)).toEqual([projectIds(a).task]);
  });

  it("reads an item of its department but not another item of the same list", async () => {
    const s = await staff(a);
    expect((await getMatter(s, projectIds(a).deptMatter)).canClose).toBe(true);
    await expect(getMatter(s, projectIds(a).orgMatter)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getMatter(s, projectIds(b).deptMatter)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses evidence of the wrong type and writes nothing", async () => {
    const before = await snapshotProjectArea(a.tenantId);
    await expect(
      closeMatter(await staff(a), {
        matterId: projectIds(a).deptMatter,
        version: 1,
        closingNote: "已完成",
        files: [exe()],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { files: [expect.any(String)] } });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);
  });

  it("posts progress on a task its department leads", async () => {
    const s = await staff(a);
    await addTaskUpdate(s, { taskId: projectIds(a).task, text: "已完成初稿", percent: 40 });
    const updates = await adminDb().taskUpdate.findMany({
      where: { tenantId: a.tenantId, taskId: projectIds(a).task },
    });
    expect(updates.map((u) => u.createdById)).toEqual([projectIds(a).staffUser]);
    // Another tenant's task: not found, nothing written there.
    const beforeB = await snapshotProjectArea(b.tenantId);
    await expect(
      addTaskUpdate(s, { taskId: projectIds(b).task, text: "x", percent: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotProjectArea(b.tenantId)).toBe(beforeB);
  });

  it("closes its department's item with evidence (对账销号), audited", async () => {
    const s = await staff(a);
    await closeMatter(s, {
      matterId: projectIds(a).deptMatter,
      version: 1,
      closingNote: "宣传栏已更新",
      files: [pdf()],
    });
    const m = await adminDb().practicalMatter.findFirstOrThrow({
      where: { tenantId: a.tenantId, id: projectIds(a).deptMatter },
    });
    expect(m.closedById).toBe(projectIds(a).staffUser);
    expect(m.evidenceIds).toHaveLength(1);
    expect(
      await adminDb().auditEvent.count({
        where: { tenantId: a.tenantId, action: "practicalMatters.close", entityId: m.id },
      }),
    ).toBe(1);
  });

  it("is linked and unlinked by the organization department only, with audit", async () => {
    const admin = await a.actor("admin");
    const secretary = await a.actor("secretary");
    const before = await snapshotProjectArea(a.tenantId);
    await expect(
      linkDepartmentStaff(secretary, { departmentId: a.departmentId, username: "member" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      linkDepartmentStaff(admin, { departmentId: projectIds(b).department, username: "member" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      linkDepartmentStaff(admin, { departmentId: a.departmentId, username: "nobody" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { username: [expect.any(String)] },
    });
    await expect(
      unlinkDepartmentStaff(admin, { linkId: projectIds(b).staffLink }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);

    const { id } = await linkDepartmentStaff(admin, {
      departmentId: a.departmentId,
      username: "member",
    });
    await expect(
      linkDepartmentStaff(admin, { departmentId: a.departmentId, username: "member" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await a.actor("member")).departmentIds).toEqual([a.departmentId]);
    await unlinkDepartmentStaff(admin, { linkId: id });
    expect((await a.actor("member")).departmentIds).toEqual([]);
    const actions = (
      await adminDb().auditEvent.findMany({
        where: { tenantId: a.tenantId, entityId: id },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["department.staff.link", "department.staff.unlink"]);
    // The link row stays, closed.
    expect(
      (await adminDb().departmentStaff.findFirstOrThrow({ where: { tenantId: a.tenantId, id } }))
        .removedAt,
    ).not.toBeNull();
  });

  it("loses access as soon as the link is removed", async () => {
    const admin = await a.actor("admin");
    const s = await staff(a);
    await unlinkDepartmentStaff(admin, { linkId: projectIds(a).staffLink });
    await expect(getMatter(s, projectIds(a).deptMatter)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      addTaskUpdate(s, { taskId: projectIds(a).task, text: "x", percent: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("secretary projects", () => {
  it("a secretary files the project of their own branch only", async () => {
    const secretary = await a.actor("secretary");
    const campaignId = projectIds(a).campaign;
    await expect(
      createSecretaryProject(secretary, {
        campaignId,
        orgId: a.orgs.b12!.id,
        title: "x",
        goal: null,
        timetable: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createSecretaryProject(secretary, {
        campaignId,
        orgId: a.orgs.b11!.id,
        title: "second",
        goal: null,
        timetable: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      createSecretaryProject(await a.actor("leader"), {
        campaignId,
        orgId: a.orgs.b12!.id,
        title: "x",
        goal: null,
        timetable: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a project for a college, or another tenant's campaign or branch", async () => {
    const admin = await a.actor("admin");
    const before = await snapshotProjectArea(a.tenantId);
    const base = { title: "x", goal: null, timetable: null };
    await expect(
      createSecretaryProject(admin, {
        ...base,
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.c1!.id,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { orgId: [expect.any(String)] } });
    await expect(
      createSecretaryProject(admin, {
        ...base,
        campaignId: projectIds(b).campaign,
        orgId: a.orgs.b12!.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createSecretaryProject(admin, {
        ...base,
        campaignId: projectIds(a).campaign,
        orgId: b.orgs.b12!.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);
  });

  it("refuses a milestone dated outside the campaign, and writes nothing", async () => {
    const secretary = await a.actor("secretary");
    const before = await snapshotProjectArea(a.tenantId);
    for (const dueDate of ["2025-12-31", "2031-01-01"])
      await expect(
        addMilestone(secretary, { projectId: projectIds(a).project, title: "x", dueDate }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { dueDate: [expect.stringContaining("活动期间")] },
      });
    await expect(
      addMilestone(await a.actor("inspector"), {
        projectId: projectIds(a).project,
        title: "x",
        dueDate: "2026-05-01",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addMilestone(secretary, {
        projectId: projectIds(b).project,
        title: "x",
        dueDate: "2026-05-01",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);
  });

  it("shows the organization department which branches have none and which are late", async () => {
    const admin = await a.actor("admin");
    const view = await listSecretaryProjects(admin, projectIds(a).campaign, "2026-03-02");
    const standing = Object.fromEntries(view.rows.map((r) => [r.org.id, r.standing]));
    expect(standing).toEqual({
      [a.orgs.b11!.id]: "LATE",
      [a.orgs.b12!.id]: "NONE",
      [a.orgs.b21!.id]: "NONE",
    });
    expect(view.counts).toEqual({ branches: 3, none: 2, late: 1 });
    // The college admin of c1 sees its own subtree only.
    const college = await listSecretaryProjects(
      await a.actor("collegeAdmin"),
      projectIds(a).campaign,
      "2026-03-02",
    );
    expect(college.rows.map((r) => r.org.id).sort()).toEqual(
      [a.orgs.b11!.id, a.orgs.b12!.id].sort(),
    );
    // On the milestone's own date it is not late yet.
    const onTime = await listSecretaryProjects(admin, projectIds(a).campaign, "2026-03-01");
    expect(onTime.rows.find((r) => r.org.id === a.orgs.b11!.id)?.standing).toBe("ON_TRACK");
  });

  it("takes milestone progress with evidence; a wrong file type writes nothing", async () => {
    const secretary = await a.actor("secretary");
    const before = await snapshotProjectArea(a.tenantId);
    await expect(
      updateMilestone(secretary, {
        milestoneId: projectIds(a).milestone,
        version: 1,
        status: "DONE",
        progress: "完成",
        files: [exe()],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { files: [expect.any(String)] } });
    await expect(
      updateMilestone(await a.actor("leader"), {
        milestoneId: projectIds(a).milestone,
        version: 1,
        status: "DONE",
        progress: "完成",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateMilestone(secretary, {
        milestoneId: projectIds(b).milestone,
        version: 1,
        status: "DONE",
        progress: "完成",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);

    await updateMilestone(secretary, {
      milestoneId: projectIds(a).milestone,
      version: 1,
      status: "DONE",
      progress: "调研完成，确定 5 个岗位",
      files: [pdf("调研报告.pdf")],
    });
    const p = await getSecretaryProject(
      await a.actor("inspector"),
      projectIds(a).project,
      "2026-03-02",
    );
    expect(p.canManage).toBe(false);
    expect(p.milestones[0]).toMatchObject({
      status: "DONE",
      late: false,
      evidence: [{ name: "调研报告.pdf" }],
    });
    // A stale version is a conflict, not a silent overwrite.
    await expect(
      updateMilestone(secretary, {
        milestoneId: projectIds(a).milestone,
        version: 1,
        status: "IN_PROGRESS",
        progress: "x",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await adminDb().auditEvent.count({
        where: { tenantId: a.tenantId, action: "secretaryProject.milestone.progress" },
      }),
    ).toBe(1);
  });

  it("adds a milestone and creates a project for another branch (organization department)", async () => {
    const admin = await a.actor("admin");
    const { id } = await createSecretaryProject(admin, {
      campaignId: projectIds(a).campaign,
      orgId: a.orgs.b12!.id,
      title: "学生党员进宿舍",
      goal: "每个宿舍楼设党员服务站",
      timetable: "上半年建站，下半年评比",
    });
    await addMilestone(admin, { projectId: id, title: "建站", dueDate: "2026-06-30" });
    const p = await getSecretaryProject(admin, id, "2026-03-02");
    expect(p.milestones.map((m) => [m.title, m.status])).toEqual([["建站", "NOT_STARTED"]]);
    // b11's secretary does not see b12's project.
    await expect(getSecretaryProject(await a.actor("secretary"), id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("implementation plans", () => {
  it("refuses a plan for an organization the campaign does not cover, or a wrong file", async () => {
    const admin = await a.actor("admin");
    const before = await snapshotProjectArea(a.tenantId);
    await expect(
      fileImplementationPlan(admin, {
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.school!.id,
        summary: "x",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { orgId: [expect.any(String)] } });
    await expect(
      fileImplementationPlan(admin, {
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.b12!.id,
        summary: "x",
        files: [exe()],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { files: [expect.any(String)] } });
    await expect(
      fileImplementationPlan(admin, {
        campaignId: projectIds(b).campaign,
        orgId: a.orgs.b12!.id,
        summary: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      fileImplementationPlan(admin, {
        campaignId: projectIds(a).campaign,
        orgId: b.orgs.b12!.id,
        summary: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      fileImplementationPlan(await a.actor("secretary"), {
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.b12!.id,
        summary: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      fileImplementationPlan(await a.actor("leader"), {
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.b12!.id,
        summary: "x",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshotProjectArea(a.tenantId)).toBe(before);
  });

  it("sends plan reminders 7 days and 1 day before to secretaries without a plan, once", async () => {
    const run = (iso: string) => runTenantJobs(b.tenantId, new Date(`${iso}T02:00:00Z`));
    const planReminders = () =>
      adminDb().notification.findMany({
        where: { tenantId: b.tenantId, kind: "reminder.plan" },
        orderBy: { dedupeKey: "asc" },
      });
    await run("2026-12-24");
    const first = await planReminders();
    // b11, b12 and b21 have a secretary only in b11 (the fixture's one secretary).
    expect(first.map((n) => n.userId)).toEqual([b.users.secretary]);
    expect(first[0]!.dedupeKey).toContain(":7d");
    // The same day again: the job's period is claimed, nothing is sent.
    const again = await run("2026-12-24");
    expect(again.find((o) => o.job === "deadline-reminders")).toMatchObject({
      status: "skipped",
      sent: 0,
    });
    expect(await planReminders()).toHaveLength(1);
    // Once b11 has filed, its secretary gets no 1-day reminder.
    await fileImplementationPlan(await b.actor("secretary"), {
      campaignId: projectIds(b).campaign,
      orgId: b.orgs.b11!.id,
      summary: "支部实施方案",
    });
    await run("2026-12-30");
    expect(await planReminders()).toHaveLength(1);
  });

  it("a secretary files and revises their plan; the department sees missing and late ones", async () => {
    const secretary = await a.actor("secretary");
    const first = await fileImplementationPlan(secretary, {
      campaignId: projectIds(a).campaign,
      orgId: a.orgs.b11!.id,
      summary: "第一稿",
      files: [pdf("方案.pdf")],
    });
    expect(first.revised).toBe(false);
    const second = await fileImplementationPlan(secretary, {
      campaignId: projectIds(a).campaign,
      orgId: a.orgs.b11!.id,
      summary: "第二稿",
    });
    expect(second).toEqual({ id: first.id, revised: true });
    // b12's plan, filed after the deadline.
    await adminDb().implementationPlan.create({
      data: {
        tenantId: a.tenantId,
        campaignId: projectIds(a).campaign,
        orgId: a.orgs.b12!.id,
        summary: "迟交",
        filedById: a.users.admin!,
        filedAt: new Date("2027-01-05T02:00:00Z"),
      },
    });
    const view = await listImplementationPlans(
      await a.actor("admin"),
      projectIds(a).campaign,
      "2027-01-10",
    );
    expect(view.campaign?.deadline).toBe(PLAN_DEADLINE);
    const standing = Object.fromEntries(view.rows.map((r) => [r.org.id, r.standing]));
    expect(standing).toEqual({
      [a.orgs.c1!.id]: "OVERDUE",
      [a.orgs.c2!.id]: "OVERDUE",
      [a.orgs.b11!.id]: "FILED",
      [a.orgs.b12!.id]: "FILED_LATE",
      [a.orgs.b21!.id]: "OVERDUE",
    });
    expect(view.rows.find((r) => r.org.id === a.orgs.b11!.id)?.plan).toMatchObject({
      summary: "第二稿",
      files: ["方案.pdf"],
    });
    expect(view.counts).toEqual({ orgs: 5, missing: 3, late: 1 });
    const audit = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, entityId: first.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(audit.map((e) => e.action)).toEqual([
      "implementationPlan.file",
      "implementationPlan.revise",
    ]);
  });

  it("lists the plan deadline in the calendar feed while a plan in scope is missing", async () => {
    const deadlines = await listOpenDeadlines(await a.actor("admin"));
    expect(deadlines.find((d) => d.kind === "plan")).toMatchObject({ day: PLAN_DEADLINE });
    // b11's secretary has filed: no plan deadline for them.
    const mine = await listOpenDeadlines(await a.actor("secretary"));
    expect(mine.some((d) => d.kind === "plan")).toBe(false);
  });
});

describe("reminders to department staff", () => {
  it("tells a department's staff about its item and task due in 7 days, once", async () => {
    const staffUser = projectIds(b).staffUser;
    const mine = () =>
      adminDb().notification.findMany({
        where: { tenantId: b.tenantId, userId: staffUser },
        orderBy: { dedupeKey: "asc" },
      });
    // The item is due 2026-04-20; the task led by 宣传部 2026-06-30.
    await runTenantJobs(b.tenantId, new Date("2026-04-13T02:00:00Z"));
    await runTenantJobs(b.tenantId, new Date("2026-06-23T02:00:00Z"));
    await runTenantJobs(b.tenantId, new Date("2026-06-23T05:00:00Z"));
    expect((await mine()).map((n) => [n.kind, n.link])).toEqual([
      ["reminder.matter", `/practical-matters/items/${projectIds(b).deptMatter}`],
      ["reminder.task", `/tasks/${projectIds(b).task}`],
    ]);
  });
});

describe("calendar feed of department staff", () => {
  it("lists the department's open item and task, and nothing else", async () => {
    const deadlines = await listOpenDeadlines(await staff(b));
    expect(deadlines.map((d) => d.uid)).toEqual([
      `matter-${projectIds(b).deptMatter}`,
      `task-${projectIds(b).task}`,
    ]);
  });
});
