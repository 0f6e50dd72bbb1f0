import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import {
  CreateActivityInput,
  UpdateActivityInput,
  type CreateActivityInputRaw,
} from "@/lib/schemas/activity";
import { parseCampaignDefinition, type CampaignDefinitionInput } from "@/rules";
import type { Actor } from "@/server/authz/actor";
import { loadActor } from "@/server/auth/load-actor";
import { isAppError } from "@/server/errors";
import { adminDb } from "../../setup/admin-db";
import type { TenantFixture } from "../../factories/tenant-fixture";

// The smallest valid PNG (1×1) and a PDF: evidence that passes the content check.
export const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Adds a user holding `role` over one of the fixture's organizations, and loads them as an actor. */
export async function addActor(
  fx: TenantFixture,
  username: string,
  role: Role,
  orgKey: string,
  memberKey?: string,
): Promise<Actor> {
  const db = adminDb();
  const id = randomUUID();
  await db.user.create({
    data: {
      tenantId: fx.tenantId,
      id,
      username,
      displayName: `${fx.slug} ${username}`,
      passwordHash: "x",
      memberId: memberKey ? fx.members[memberKey]! : null,
    },
  });
  await db.roleAssignment.create({
    data: { tenantId: fx.tenantId, userId: id, role, orgId: fx.orgs[orgKey]!.id },
  });
  const actor = await loadActor(fx.tenantId, id, 1);
  if (!actor) throw new Error("actor did not load");
  return actor;
}

/** The form fields of a branch meeting of `branch` (b11 by default) with its three members present. */
export function meetingRaw(
  fx: TenantFixture,
  over: Partial<CreateActivityInputRaw> = {},
  branch = "b11",
): CreateActivityInputRaw {
  return {
    idempotencyKey: randomUUID(),
    orgId: fx.orgs[branch]!.id,
    type: "BRANCH_GENERAL_MEETING",
    date: "2026-03-10",
    durationHours: "1.5",
    topic: "学习二十届三中全会精神",
    attendance: [0, 1, 2].map((i) => ({
      memberId: fx.members[`${branch}-${i}`]!,
      present: true,
      absenceReason: "",
      hours: "",
    })),
    ...over,
  };
}

/** A valid recording of a branch meeting (parsed, as the action hands it to the data function). */
export function meetingInput(
  fx: TenantFixture,
  over: Partial<CreateActivityInputRaw> = {},
  branch = "b11",
): CreateActivityInput {
  return CreateActivityInput.parse(meetingRaw(fx, over, branch));
}

/** An edit of record `id` at `version` with the meeting's fields (and `over`). */
export function editInput(
  fx: TenantFixture,
  id: string,
  version: number,
  over: Partial<CreateActivityInputRaw> = {},
  branch = "b11",
): UpdateActivityInput {
  return UpdateActivityInput.parse({ ...meetingRaw(fx, over, branch), id, version });
}

/** Adds a campaign directly (superuser), from a definition in the rules format. */
export async function addCampaign(
  fx: TenantFixture,
  options: {
    rootKey?: string;
    status?: "DRAFT" | "ACTIVE" | "CLOSED";
    types?: string[];
    startDate?: string;
    endDate?: string;
    composite?: boolean;
  } = {},
): Promise<{ id: string; definition: ReturnType<typeof parsedDefinition> }> {
  const id = randomUUID();
  const startDate = options.startDate ?? "2026-01-01";
  const endDate = options.endDate ?? "2026-12-31";
  const types = options.types ?? ["BRANCH_GENERAL_MEETING"];
  const definition: CampaignDefinitionInput = {
    id,
    startDate,
    endDate,
    quotas: [
      options.composite
        ? {
            id: "four-ones",
            name: "四个一",
            subject: { kind: "member" },
            period: { kind: "calendarYear" },
            composite: {
              kind: "all",
              parts: types.map((t, i) => ({
                id: `p${i}`,
                name: t,
                metric: "count" as const,
                activity: { types: [t as never] },
                target: { op: "atLeast" as const, value: 1 },
              })),
            },
          }
        : {
            id: "meetings",
            name: "支部党员大会",
            subject: { kind: "organization", levels: ["BRANCH"] },
            period: { kind: "calendarYear" },
            metric: "count",
            activity: { types: types as never },
            target: { op: "atLeast", value: 1 },
          },
    ],
  };
  const parsed = parsedDefinition(definition);
  await adminDb().campaign.create({
    data: {
      tenantId: fx.tenantId,
      id,
      name: `测试活动 ${id.slice(0, 4)}`,
      startDate: new Date(startDate + "T00:00:00Z"),
      endDate: new Date(endDate + "T00:00:00Z"),
      rootOrgId: fx.orgs[options.rootKey ?? "school"]!.id,
      status: options.status ?? "ACTIVE",
      definition: JSON.parse(JSON.stringify(parsed)),
    },
  });
  return { id, definition: parsed };
}

function parsedDefinition(definition: CampaignDefinitionInput) {
  const parsed = parseCampaignDefinition(definition);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** Every activity-related row of a tenant, to compare before and after a refused call. */
export async function snapshotActivities(tenantId: string): Promise<string> {
  const db = adminDb();
  const where = { where: { tenantId } };
  return JSON.stringify({
    activities: await db.activity.findMany({ ...where, orderBy: { id: "asc" } }),
    attendance: await db.activityAttendance.findMany({
      ...where,
      orderBy: [{ activityId: "asc" }, { memberId: "asc" }],
    }),
    links: await db.activityCampaign.findMany({
      ...where,
      orderBy: [{ activityId: "asc" }, { campaignId: "asc" }],
    }),
    evidence: await db.evidence.findMany({ ...where, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.count(where),
  });
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function appError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
