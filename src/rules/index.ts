// Public surface of the rules module. Pure: no database, no I/O, no clock.
export * from "./types";
export {
  evaluateCampaign,
  evaluateCampaignAsOf,
  evaluateCampaignInSteps,
  PAUSE,
  DEFAULT_UNITS,
} from "./evaluate-campaign";
export {
  assessPace,
  combinePartStatuses,
  AT_RISK_SHARE,
  type PaceInput,
  type PaceAssessment,
} from "./pace";
export {
  computeRating,
  findStars,
  DEFAULT_RATING_BANDS,
  type ComputeRatingInput,
  type Rating,
  type RatingLine,
  type RatingQuotaResult,
} from "./compute-rating";
export {
  parseCampaignDefinition,
  parseCampaignFile,
  parseRecords,
  checkCampaignDefinition,
  formatIssuePath,
  type ParseResult,
  type ValidationError,
} from "./parse-campaign-definition";
export {
  instantiateCampaignTemplate,
  resolveOffset,
  type CampaignTemplate,
  type InstantiateOptions,
  type InstantiatedCampaign,
  type PhaseTemplate,
  type TemplateOffset,
  type UnexpressedRow,
} from "./instantiate-campaign-template";
export { campaignTemplates, findCampaignTemplate } from "./templates";
export {
  listPeriodWindows,
  findPeriodContaining,
  measureShortestPeriod,
  type DayWindow,
} from "./periods";
export { parseDayNumber, formatDayNumber, toDayNumber } from "./day-numbers";
export { buildRulesJsonSchemas, type RulesJsonSchema } from "./build-json-schemas";
