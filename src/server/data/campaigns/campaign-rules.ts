import type { Prisma } from "@/generated/prisma/client";
import { formatRulesError } from "@/lib/schemas/campaign";
import {
  parseCampaignDefinition,
  type CampaignDefinition,
  type Phase,
  type ValidationError,
} from "@/rules";
import type { Actor } from "../../authz/actor";
import { can, isWithinSubtree, orgScopeWhere, scopeRoots } from "../../authz/scope";
import { AppError, forbidden, notFound } from "../../errors";
import type { TenantTx } from "../../tenant-tx";

/**
 * A phase as stored: the rules format plus a theme. The rules schema does not know `theme` yet
 * (zod drops unknown keys when the engine or the CLI parses the definition), so it travels with
 * the definition and its exports without changing what the engine sees.
 */
export type StoredPhase = Phase & { theme?: string | null };

/** Campaign.definition: a campaign definition of the rules format (docs/rules.md), validated. */
export type StoredDefinition = Omit<CampaignDefinition, "phases"> & { phases?: StoredPhase[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "YYYY-MM-DD" of a DATE column. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A DATE column value for "YYYY-MM-DD". */
export function dateOnly(iso: string): Date {
  return new Date(iso + "T00:00:00.000Z");
}

export function storedDefinition(json: Prisma.JsonValue): StoredDefinition {
  return json as unknown as StoredDefinition;
}

/** The stored definition as Prisma JSON input. */
export function definitionJson(definition: StoredDefinition): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonValue;
}

/** The first error, with its path, for the form-level message. */
export function rulesErrorMessage(errors: readonly ValidationError[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? `（另有 ${errors.length - 1} 处）` : "";
  return first ? `请修正标出的字段：${formatRulesError(first)}${more}` : "请修正标出的字段";
}

/**
 * Validates a whole definition with the rules module (the same checks as `rules-cli validate`)
 * and returns it as stored: the rules' normalized output with the phase themes put back.
 * Invalid: a VALIDATION error, its field errors laid out by `toFieldErrors`.
 */
export function validateDefinition(
  input: unknown,
  toFieldErrors: (errors: ValidationError[]) => Record<string, string[]>,
): StoredDefinition {
  const parsed = parseCampaignDefinition(input);
  if (!parsed.ok)
    throw new AppError(
      "VALIDATION",
      rulesErrorMessage(parsed.errors),
      toFieldErrors(parsed.errors),
    );
  const inputPhases = (input as { phases?: unknown }).phases;
  const themes = Array.isArray(inputPhases)
    ? inputPhases.map((p) => (p as { theme?: unknown })?.theme)
    : [];
  const value: StoredDefinition = { ...parsed.value };
  if (parsed.value.phases) {
    value.phases = parsed.value.phases.map((p, i) => {
      const theme = themes[i];
      return typeof theme === "string" && theme.trim() ? { ...p, theme: theme.trim() } : p;
    });
  }
  return value;
}

/**
 * Campaigns the actor may read: those whose covered subtree intersects a subtree where the actor
 * holds campaign.read — the campaign's root lies inside the actor's scope, or is one of the
 * ancestors of (or equal to) a scope root.
 */
export function campaignReadWhere(actor: Actor): Prisma.CampaignWhereInput {
  const roots = scopeRoots(actor, "campaign.read");
  if (roots.length === 0) return { tenantId: actor.tenantId, id: { in: [] } };
  const ancestors = [...new Set(roots.flatMap((root) => root.split("/")))];
  return {
    tenantId: actor.tenantId,
    OR: [{ rootOrg: orgScopeWhere(actor, "campaign.read") }, { rootOrgId: { in: ancestors } }],
  };
}

/** True when the actor reads the campaign's whole subtree (no subject needs hiding). */
export function readsWholeCampaign(actor: Actor, rootPath: string): boolean {
  return scopeRoots(actor, "campaign.read").some((root) => isWithinSubtree(rootPath, root));
}

/** True when `path` lies in a subtree where the actor holds campaign.read. */
export function readsPath(actor: Actor, path: string): boolean {
  return can(actor, "campaign.read", path);
}

const campaignInclude = {
  rootOrg: {
    select: { id: true, name: true, nameEn: true, path: true, level: true, validTo: true },
  },
} satisfies Prisma.CampaignInclude;

export type CampaignRow = Prisma.CampaignGetPayload<{ include: typeof campaignInclude }>;

/**
 * Loads a campaign the actor may read, or NOT_FOUND (the same for "does not exist", "another
 * tenant's" and "outside your subtree"; a malformed id too). With "manage", the actor must also
 * hold campaign.manage over the campaign's root organization, else FORBIDDEN.
 */
/**
 * The campaign `id` of the tenant, for computing figures that are shared between readers (the
 * caller has already checked that its reader may read the campaign). NOT_FOUND if it is gone.
 */
export async function findCampaignForFigures(
  tx: TenantTx,
  tenantId: string,
  id: string,
): Promise<CampaignRow> {
  const campaign = await tx.campaign.findFirst({
    where: { tenantId, id },
    include: campaignInclude,
  });
  if (!campaign) throw notFound("活动");
  return campaign;
}

export async function findCampaignOrThrow(
  tx: TenantTx,
  actor: Actor,
  id: string,
  mode: "read" | "manage" = "read",
): Promise<CampaignRow> {
  if (!UUID.test(id)) throw notFound("活动");
  const campaign = await tx.campaign.findFirst({
    where: { AND: [campaignReadWhere(actor), { id }] },
    include: campaignInclude,
  });
  if (!campaign) throw notFound("活动");
  if (mode === "manage" && !can(actor, "campaign.manage", campaign.rootOrg.path)) throw forbidden();
  return campaign;
}
