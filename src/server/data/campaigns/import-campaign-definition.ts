import { randomUUID } from "node:crypto";
import { formatRulesError, type ImportCampaignDefinitionInput } from "@/lib/schemas/campaign";
import {
  formatDayNumber,
  parseCampaignDefinition,
  parseCampaignFile,
  parseDayNumber,
  type ValidationError,
} from "@/rules";
import type { Actor } from "../../authz/actor";
import { requirePermission } from "../../authz/scope";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { AppError } from "../../errors";
import { withTenant } from "../../tenant-tx";
import { findOrgInScopeOrThrow } from "../organizations/get-organization";
import { dateOnly, definitionJson, rulesErrorMessage, validateDefinition } from "./campaign-rules";
import { findForbiddenInJson } from "@/lib/schemas/text";

const MAX_LISTED = 10;

/** Errors of the uploaded JSON beside the JSON field (path + reason as the CLI prints them); date errors beside the dates too. */
function importFieldErrors(errors: readonly ValidationError[]): Record<string, string[]> {
  const out: Record<string, string[]> = { json: errors.slice(0, MAX_LISTED).map(formatRulesError) };
  if (errors.length > MAX_LISTED) out.json!.push(`……另有 ${errors.length - MAX_LISTED} 处错误`);
  for (const error of errors) {
    const field = /^(campaign\.)?(startDate|endDate)$/.exec(error.path)?.[2];
    if (field) (out[field] ??= []).push(formatRulesError(error));
  }
  return out;
}

function refuse(errors: ValidationError[]): never {
  throw new AppError("VALIDATION", rulesErrorMessage(errors), importFieldErrors(errors));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Creates a campaign from a shared template: a campaign definition in the rules format, or the
 * CLI's campaign file { campaign, organizations, members } (as exportCampaignDefinition writes it;
 * organizations and members in the file are ignored — they are another university's). The file
 * is validated exactly as `rules-cli validate` does, and the errors carry the same paths. A new
 * start date moves the phases with it (and the end date, unless one is given).
 */
export async function importCampaignDefinition(
  actor: Actor,
  input: Omit<ImportCampaignDefinitionInput, "startDate" | "endDate"> & {
    startDate?: string | null;
    endDate?: string | null;
  },
): Promise<{ id: string }> {
  requirePermission(actor, "campaign.manage");
  let json: unknown;
  try {
    json = JSON.parse(input.json);
  } catch (error) {
    const message = `不是有效的 JSON：${(error as Error).message}`;
    throw new AppError("VALIDATION", message, { json: [message] });
  }
  const forbidden = findForbiddenInJson(json);
  if (forbidden) {
    const message = `JSON 中 ${forbidden} 含有不可见的控制字符或文字方向控制字符，请删除后重试`;
    throw new AppError("VALIDATION", message, { json: [message] });
  }
  const wrapped = isObject(json) && "campaign" in json;
  const prefix = wrapped ? "campaign." : "";
  const parsed = wrapped ? parseCampaignFile(json) : parseCampaignDefinition(json);
  if (!parsed.ok) refuse(parsed.errors);
  const definition = "campaign" in parsed.value ? parsed.value.campaign : parsed.value;
  const raw = (wrapped ? (json as { campaign: unknown }).campaign : json) as {
    phases?: Array<{ theme?: unknown }>;
  };

  const shift = input.startDate
    ? parseDayNumber(input.startDate) - parseDayNumber(definition.startDate)
    : 0;
  const move = (day: string) => (shift === 0 ? day : formatDayNumber(parseDayNumber(day) + shift));
  const id = randomUUID();
  const candidate = {
    ...definition,
    id,
    name: input.name,
    startDate: input.startDate ?? definition.startDate,
    endDate: input.endDate ?? move(definition.endDate),
    phases: (definition.phases ?? []).map((p, i) => {
      const theme = raw.phases?.[i]?.theme;
      return {
        ...p,
        startDate: move(p.startDate),
        endDate: move(p.endDate),
        ...(typeof theme === "string" && theme ? { theme } : {}),
      };
    }),
  };
  const stored = validateDefinition(candidate, (errors) =>
    importFieldErrors(errors.map((e) => ({ ...e, path: prefix + e.path }))),
  );

  return withTenant(actor.tenantId, async (tx) => {
    const root = await findOrgInScopeOrThrow(tx, actor, input.rootOrgId, "campaign.manage");
    if (root.validTo)
      throw new AppError("VALIDATION", "该组织已撤销，不能开展活动", {
        rootOrgId: ["该组织已撤销，不能开展活动"],
      });
    await tx.campaign.create({
      data: {
        tenantId: actor.tenantId,
        id,
        name: input.name,
        nameEn: definition.nameEn ?? null,
        description: `由活动模板文件导入（原活动：${definition.name ?? definition.id}）`,
        startDate: dateOnly(stored.startDate),
        endDate: dateOnly(stored.endDate),
        rootOrgId: root.id,
        status: "ACTIVE",
        definition: definitionJson(stored),
        createdById: actor.userId,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "campaign.import",
      entityType: "Campaign",
      entityId: id,
      after: {
        name: input.name,
        sourceId: definition.id,
        startDate: stored.startDate,
        endDate: stored.endDate,
        rootOrgId: root.id,
        phases: (stored.phases ?? []).map((p) => p.id),
        quotas: stored.quotas.map((q) => q.id),
      },
    });
    return { id };
  });
}
