import { addMonths, formatDayNumber, parseDayNumber } from "./day-numbers";
import { describePeriod, measureShortestPeriod } from "./periods";
import { CampaignDefinition, type QuotaInput, type RatingSettings } from "./types";

/** A date relative to the campaign start: add the months, then the days (days may be negative). */
export interface TemplateOffset {
  months?: number;
  days?: number;
}

export interface PhaseTemplate {
  id: string;
  name: string;
  nameEn: string;
  /** First day of the phase. */
  start: TemplateOffset;
  /** Last day of the phase (inclusive). */
  end: TemplateOffset;
}

/** A row of the domain quota table the engine cannot (fully) express. */
export interface UnexpressedRow {
  row: number;
  quota: string;
  /** "none": no quota encodes it; "partial": a quota encodes part of it; "conditional": only in long enough campaigns. */
  coverage: "none" | "partial" | "conditional";
  reason: string;
  needs: string;
}

export interface CampaignTemplate {
  /** Stable identifier; never change it once published. */
  code: string;
  name: string;
  nameEn: string;
  /** Seed documents it comes from (file prefixes in shared/seeds). */
  seeds: string[];
  /** Start date of the original campaign in the seed; the default start. */
  originalStartDate: string;
  /** Last day of the campaign (inclusive), relative to the start. */
  end: TemplateOffset;
  phases: PhaseTemplate[];
  quotas: QuotaInput[];
  /** Rows of the domain quota table this template covers, fully or partly. */
  rows: number[];
  unexpressed: UnexpressedRow[];
  rating?: RatingSettings;
}

export interface InstantiateOptions {
  id: string;
  /** Defaults to the seed's original start date. */
  startDate?: string;
  /** Defaults to the template's relative end. */
  endDate?: string;
}

export interface InstantiatedCampaign {
  campaign: CampaignDefinition;
  /** Quotas left out because their period is longer than this campaign. */
  skipped: Array<{ quotaId: string; reason: string }>;
}

export function resolveOffset(startDay: number, offset: TemplateOffset): number {
  return addMonths(startDay, offset.months ?? 0) + (offset.days ?? 0);
}

/**
 * Turns a template into a campaign definition with absolute dates. Quotas whose period cannot fit
 * in the campaign (row 5's five-year rotation in a 22-month campaign) are returned in `skipped`
 * rather than failing the whole campaign.
 */
export function instantiateCampaignTemplate(
  template: CampaignTemplate,
  options: InstantiateOptions,
): InstantiatedCampaign {
  const startDate = options.startDate ?? template.originalStartDate;
  const start = parseDayNumber(startDate);
  if (Number.isNaN(start)) throw new Error(`startDate: not a date: ${startDate}`);
  const endDate = options.endDate ?? formatDayNumber(resolveOffset(start, template.end));
  const campaignDays = parseDayNumber(endDate) - start + 1;

  const skipped: InstantiatedCampaign["skipped"] = [];
  const quotas = template.quotas.filter((q) => {
    const shortest = measureShortestPeriod(q.period);
    if (shortest <= campaignDays) return true;
    skipped.push({
      quotaId: q.id,
      reason: `period "${describePeriod(q.period)}" (at least ${shortest} days) is longer than the campaign (${campaignDays} days)`,
    });
    return false;
  });

  const campaign = CampaignDefinition.parse({
    id: options.id,
    name: template.name,
    nameEn: template.nameEn,
    startDate,
    endDate,
    phases: template.phases.map((p) => ({
      id: p.id,
      name: p.name,
      nameEn: p.nameEn,
      startDate: formatDayNumber(resolveOffset(start, p.start)),
      endDate: formatDayNumber(resolveOffset(start, p.end)),
    })),
    quotas,
    ...(template.rating ? { rating: template.rating } : {}),
  });
  return { campaign, skipped };
}
