import { linkDepartmentStaffAction } from "@/server/actions/departments/link-department-staff-action";
import { unlinkDepartmentStaffAction } from "@/server/actions/departments/unlink-department-staff-action";
import { createSecretaryProjectAction } from "@/server/actions/secretary-projects/create-secretary-project-action";
import { addMilestoneAction } from "@/server/actions/secretary-projects/add-milestone-action";
import { updateMilestoneAction } from "@/server/actions/secretary-projects/update-milestone-action";
import { filePlanAction } from "@/server/actions/implementation-plans/file-plan-action";
import type { TenantFixture } from "../../factories/tenant-fixture";
import { ensureProjectRecords, projectIds } from "../projects/helpers";
import type { ActionCase } from "./action-cases";

/** Both tenants' project-area records exist before tenant B is first snapshotted. */
export async function prepareActionFixtures(tenants: TenantFixture[]): Promise<void> {
  for (const tenant of tenants) await ensureProjectRecords(tenant);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- actions differ in their previous-state type; the tests pass none
const run = (action: (prev: any, fd: FormData) => Promise<unknown>) => (fd: FormData) =>
  action(undefined, fd);

const pdf = () =>
  new File(
    [new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")],
    "plan.pdf",
    { type: "application/pdf" },
  );

const ids = projectIds;

export const PROJECT_CASES: ActionCase[] = [
  {
    name: "linkDepartmentStaffAction",
    run: run(linkDepartmentStaffAction),
    foreign: (_a, b) => ({ departmentId: ids(b).department, username: "member" }),
    own: (a) => ({ departmentId: a.departmentId, username: "member" }),
    privileged: true,
  },
  {
    name: "unlinkDepartmentStaffAction",
    run: run(unlinkDepartmentStaffAction),
    foreign: (_a, b) => ({ linkId: ids(b).staffLink }),
    own: (a) => ({ linkId: ids(a).staffLink }),
    privileged: true,
  },
  {
    name: "createSecretaryProjectAction (another tenant's campaign)",
    run: run(createSecretaryProjectAction),
    foreign: (a, b) => ({ campaignId: ids(b).campaign, orgId: a.orgs.b12!.id, title: "x" }),
    own: (a) => ({ campaignId: ids(a).campaign, orgId: a.orgs.b12!.id, title: "x" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "createSecretaryProjectAction (another tenant's branch)",
    run: run(createSecretaryProjectAction),
    foreign: (a, b) => ({ campaignId: ids(a).campaign, orgId: b.orgs.b12!.id, title: "x" }),
    own: (a) => ({ campaignId: ids(a).campaign, orgId: a.orgs.b12!.id, title: "x" }),
    privileged: true,
  },
  {
    name: "addMilestoneAction",
    run: run(addMilestoneAction),
    foreign: (_a, b) => ({ projectId: ids(b).project, title: "x", dueDate: "2026-05-01" }),
    own: (a) => ({ projectId: ids(a).project, title: "x", dueDate: "2026-05-01" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "updateMilestoneAction",
    run: run(updateMilestoneAction),
    foreign: (_a, b) => ({
      milestoneId: ids(b).milestone,
      version: 1,
      status: "DONE",
      progress: "x",
      files: pdf(),
    }),
    own: (a) => ({ milestoneId: ids(a).milestone, version: 1, status: "DONE", progress: "x" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "filePlanAction (another tenant's campaign)",
    run: run(filePlanAction),
    foreign: (a, b) => ({
      campaignId: ids(b).campaign,
      orgId: a.orgs.b11!.id,
      summary: "x",
      files: pdf(),
    }),
    own: (a) => ({ campaignId: ids(a).campaign, orgId: a.orgs.b11!.id, summary: "x" }),
    privileged: true,
    roles: ["admin", "secretary"],
  },
  {
    name: "filePlanAction (another tenant's organization)",
    run: run(filePlanAction),
    foreign: (a, b) => ({ campaignId: ids(a).campaign, orgId: b.orgs.b11!.id, summary: "x" }),
    own: (a) => ({ campaignId: ids(a).campaign, orgId: a.orgs.b11!.id, summary: "x" }),
    privileged: true,
  },
];
