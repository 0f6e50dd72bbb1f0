import type { z } from "zod";
import { parseDayNumber } from "./day-numbers";
import { describePeriod, measureShortestPeriod } from "./periods";
import {
  ActivityRecords,
  CampaignDefinition,
  CampaignFile,
  type ActivityRecord,
  type CampaignDefinition as CampaignDefinitionType,
  type CampaignFile as CampaignFileType,
} from "./types";

export interface ValidationError {
  /** Path of the invalid field, e.g. "quotas[3].period.kind". */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** "quotas", 3, "period", "kind" → "quotas[3].period.kind". */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

function prefixPath(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "(root)") return prefix;
  return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}

function fromZodError(error: z.ZodError): ValidationError[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}

/**
 * Checks that need the whole definition: dates in order, phases inside the campaign, unique ids,
 * phase references, and periods that fit in the campaign (a window longer than the campaign could
 * never be completed, so the quota is impossible).
 */
export function checkCampaignDefinition(
  campaign: CampaignDefinitionType,
  prefix = "",
): ValidationError[] {
  const errors: ValidationError[] = [];
  const at = (path: string, message: string): void => {
    errors.push({ path: prefixPath(prefix, path), message });
  };
  const start = parseDayNumber(campaign.startDate);
  const end = parseDayNumber(campaign.endDate);
  if (end < start) at("endDate", "the campaign ends before it starts");
  const campaignDays = end - start + 1;

  const phaseIds = new Set<string>();
  (campaign.phases ?? []).forEach((p, i) => {
    if (phaseIds.has(p.id)) at(`phases[${i}].id`, `duplicate phase id "${p.id}"`);
    phaseIds.add(p.id);
    const ps = parseDayNumber(p.startDate);
    const pe = parseDayNumber(p.endDate);
    if (pe < ps) at(`phases[${i}].endDate`, "the phase ends before it starts");
    if (ps < start || pe > end)
      at(`phases[${i}].startDate`, "the phase lies outside the campaign dates");
  });

  const quotaIds = new Set<string>();
  campaign.quotas.forEach((q, i) => {
    if (quotaIds.has(q.id)) at(`quotas[${i}].id`, `duplicate quota id "${q.id}"`);
    quotaIds.add(q.id);
    if (q.period.kind === "phase" && !phaseIds.has(q.period.phaseId)) {
      at(`quotas[${i}].period.phaseId`, `no phase "${q.period.phaseId}" in this campaign`);
    }
    const shortest = measureShortestPeriod(q.period);
    if (end >= start && shortest > campaignDays) {
      const field = q.period.kind === "nYears" ? "years" : "kind";
      at(
        `quotas[${i}].period.${field}`,
        `period "${describePeriod(q.period)}" (at least ${shortest} days) is longer than the campaign (${campaignDays} days)`,
      );
    }
    if (q.composite) {
      const partIds = new Set<string>();
      q.composite.parts.forEach((p, k) => {
        if (partIds.has(p.id))
          at(`quotas[${i}].composite.parts[${k}].id`, `duplicate part id "${p.id}"`);
        partIds.add(p.id);
      });
    }
  });
  return errors;
}

/** Validates a campaign definition (JSON already parsed); errors are in document order, the first is the first invalid field. */
export function parseCampaignDefinition(json: unknown): ParseResult<CampaignDefinitionType> {
  const parsed = CampaignDefinition.safeParse(json);
  if (!parsed.success) return { ok: false, errors: fromZodError(parsed.error) };
  const errors = checkCampaignDefinition(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** Validates records: a bare array or { records: [...] }. Record ids must be unique. */
export function parseRecords(json: unknown): ParseResult<ActivityRecord[]> {
  const wrapped =
    typeof json === "object" && json !== null && !Array.isArray(json) && "records" in json;
  const prefix = wrapped ? "records" : "";
  const parsed = ActivityRecords.safeParse(wrapped ? (json as { records: unknown }).records : json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: fromZodError(parsed.error).map((e) => ({ ...e, path: prefixPath(prefix, e.path) })),
    };
  }
  const seen = new Set<string>();
  for (let i = 0; i < parsed.data.length; i++) {
    const id = parsed.data[i]!.id;
    if (seen.has(id)) {
      return {
        ok: false,
        errors: [{ path: prefixPath(prefix, `[${i}].id`), message: `duplicate record id "${id}"` }],
      };
    }
    seen.add(id);
  }
  return { ok: true, value: parsed.data };
}

/** Validates the CLI layout { campaign, organizations, members }, including membership references. */
export function parseCampaignFile(json: unknown): ParseResult<CampaignFileType> {
  const parsed = CampaignFile.safeParse(json);
  if (!parsed.success) return { ok: false, errors: fromZodError(parsed.error) };
  const file = parsed.data;
  const errors = checkCampaignDefinition(file.campaign, "campaign");
  const orgIds = new Set<string>();
  file.organizations.forEach((o, i) => {
    if (orgIds.has(o.id))
      errors.push({
        path: `organizations[${i}].id`,
        message: `duplicate organization id "${o.id}"`,
      });
    orgIds.add(o.id);
    if (o.validTo && o.validTo <= o.validFrom) {
      errors.push({
        path: `organizations[${i}].validTo`,
        message: "validTo must be after validFrom",
      });
    }
  });
  const memberIds = new Set<string>();
  file.members.forEach((m, i) => {
    if (memberIds.has(m.id))
      errors.push({ path: `members[${i}].id`, message: `duplicate member id "${m.id}"` });
    memberIds.add(m.id);
    m.memberships.forEach((ms, k) => {
      if (!orgIds.has(ms.orgId)) {
        errors.push({
          path: `members[${i}].memberships[${k}].orgId`,
          message: `unknown organization "${ms.orgId}"`,
        });
      }
      if (ms.to && ms.to <= ms.from) {
        errors.push({
          path: `members[${i}].memberships[${k}].to`,
          message: "to must be after from",
        });
      }
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: file };
}
