import { z } from "zod";
import { isCalendarDay, optionalMultiLine } from "./text";
import type { CampaignLeaderRole, CampaignStatus } from "@/generated/prisma/enums";
import {
  ACTIVITY_SUB_TYPES,
  ACTIVITY_TYPES,
  CADRE_LEVELS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  METRICS,
  ORG_KINDS,
  ORG_LEVELS,
  PERIOD_KINDS,
  type QuotaInput,
  type ValidationError,
} from "@/rules";
import { MEMBER_POSITIONS } from "./member";
import { isoDate, optionalText, requiredText } from "./organization";

// ---------------------------------------------------------------------------------------------
// Enumerations the forms offer (labels in messages/<locale>/campaigns.json)
// ---------------------------------------------------------------------------------------------

export const CAMPAIGN_STATUSES = [
  "DRAFT",
  "ACTIVE",
  "CLOSED",
] as const satisfies readonly CampaignStatus[];
export const CAMPAIGN_LEADER_ROLES = [
  "LEADER",
  "DEPUTY",
  "MEMBER",
  "OFFICE_DIRECTOR",
] as const satisfies readonly CampaignLeaderRole[];
export const TARGET_OPS = ["atLeast", "between", "shareOfSubjects"] as const;
export const SUBJECT_KINDS = ["organization", "member"] as const;
export const QUOTA_STRUCTURES = ["simple", "composite"] as const;
export const N_MONTHS = [1, 2, 3, 4, 6] as const;
/** Every sub-type the templates filter on, for the form's check boxes (others can be typed). */
export const KNOWN_SUB_TYPES: readonly string[] = [
  ...new Set(Object.values(ACTIVITY_SUB_TYPES).flat()),
];
/** Positions a member subject may filter on: the roster's positions (rules positions are a subset). */
export const SUBJECT_POSITIONS = MEMBER_POSITIONS;

export {
  ACTIVITY_TYPES,
  CADRE_LEVELS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  METRICS,
  ORG_KINDS,
  ORG_LEVELS,
  PERIOD_KINDS,
};

/** Largest campaign-definition JSON accepted by the import (a template is a few kilobytes). */
export const MAX_DEFINITION_BYTES = 512 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A real calendar day (Date.parse accepts 2023-02-30) in a plausible range. */
const calendarDate = isoDate
  .refine(isCalendarDay, "不是有效的日期")
  .refine((s) => s >= "1990-01-01" && s <= "2100-12-31", "日期超出合理范围");

const optionalCalendarDate = z
  .preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    calendarDate.optional(),
  )
  .transform((v) => v ?? null);

const ids = {
  campaignId: z.uuid("记录不存在或无权访问"),
  version: z.coerce.number().int().min(1),
};

/** Quota, part and phase ids: what the definition's `id` fields hold. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const code = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .regex(CODE, `${label}只能包含字母、数字、.、- 和 _，以字母或数字开头，最多 64 个字符`);

function checkDateOrder(
  value: { startDate?: string | null; endDate?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "结束日期不能早于开始日期" });
  }
}

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

export const CreateCampaignFromTemplateInput = z
  .object({
    templateCode: z.string({ error: "请选择活动模板" }).trim().min(1, "请选择活动模板").max(64),
    name: requiredText(80, "活动名称"),
    startDate: calendarDate,
    /** Empty: the template's own length from the start date. */
    endDate: optionalCalendarDate,
    rootOrgId: z.uuid("请选择覆盖的组织"),
  })
  .superRefine(checkDateOrder);
export type CreateCampaignFromTemplateInput = z.infer<typeof CreateCampaignFromTemplateInput>;

export const UpdateCampaignInput = z
  .object({
    id: ids.campaignId,
    version: ids.version,
    name: requiredText(80, "活动名称"),
    description: optionalMultiLine(2000, "活动说明"),
    startDate: calendarDate,
    endDate: calendarDate,
    status: z.enum(CAMPAIGN_STATUSES, { error: "请选择活动状态" }),
  })
  .superRefine(checkDateOrder);
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInput>;

export const ImportCampaignDefinitionInput = z
  .object({
    /** The JSON text: a campaign definition, or the CLI's campaign file { campaign, organizations, members }. */
    json: z
      .string({ error: "请上传或粘贴活动模板 JSON" })
      .trim()
      .min(1, "请上传或粘贴活动模板 JSON")
      .max(MAX_DEFINITION_BYTES, "JSON 超过 512 KB"),
    name: requiredText(80, "活动名称"),
    /** Empty: keep the dates of the file (phases move with a new start date). */
    startDate: optionalCalendarDate,
    endDate: optionalCalendarDate,
    rootOrgId: z.uuid("请选择覆盖的组织"),
  })
  .superRefine(checkDateOrder);
export type ImportCampaignDefinitionInput = z.infer<typeof ImportCampaignDefinitionInput>;

// ---------------------------------------------------------------------------------------------
// Phases: the form sends parallel lists phaseId / phaseName / phaseTheme / phaseStart / phaseEnd
// ---------------------------------------------------------------------------------------------

export const PhaseInput = z
  .object({
    id: code("阶段代码"),
    name: requiredText(80, "阶段名称"),
    /** Not part of the rules format yet: kept beside the phase in the stored definition. */
    theme: optionalText(200, "阶段主题"),
    startDate: calendarDate,
    endDate: calendarDate,
  })
  .superRefine((p, ctx) => {
    if (p.endDate < p.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "结束日期不能早于开始日期" });
  });
export type PhaseInput = z.infer<typeof PhaseInput>;

export const UpdatePhasesInput = z
  .object({
    campaignId: ids.campaignId,
    version: ids.version,
    phases: z.array(PhaseInput).max(20, "阶段不能超过 20 个"),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.phases.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: "custom",
          path: ["phases", i, "id"],
          message: `阶段代码“${p.id}”重复`,
        });
      seen.add(p.id);
    });
  });
export type UpdatePhasesInput = z.infer<typeof UpdatePhasesInput>;

/** The phases form's parallel lists as { phases: [...] }; rows left completely empty are dropped. */
export function phasesFormObject(formData: FormData): Record<string, unknown> {
  const list = (name: string) => formData.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const idsList = list("phaseId");
  const names = list("phaseName");
  const themes = list("phaseTheme");
  const starts = list("phaseStart");
  const ends = list("phaseEnd");
  const rows = Math.max(idsList.length, names.length, starts.length, ends.length);
  const phases: Record<string, string>[] = [];
  const taken = new Set(idsList.filter(Boolean));
  let next = 1;
  for (let i = 0; i < rows; i++) {
    const row = {
      name: names[i] ?? "",
      theme: themes[i] ?? "",
      startDate: starts[i] ?? "",
      endDate: ends[i] ?? "",
    };
    if (!row.name.trim() && !row.theme.trim() && !row.startDate && !row.endDate) continue;
    let id = (idsList[i] ?? "").trim();
    if (!id) {
      while (taken.has(`phase-${next}`)) next++;
      id = `phase-${next}`;
      taken.add(id);
    }
    phases.push({ id, ...row });
  }
  return {
    campaignId: formData.get("campaignId") ?? undefined,
    version: formData.get("version") ?? undefined,
    phases,
  };
}

// ---------------------------------------------------------------------------------------------
// Leadership group
// ---------------------------------------------------------------------------------------------

export const AddCampaignLeaderInput = z.object({
  campaignId: ids.campaignId,
  memberNumber: requiredText(32, "党员编号"),
  role: z.enum(CAMPAIGN_LEADER_ROLES, { error: "请选择在领导小组中的职务" }),
});
export type AddCampaignLeaderInput = z.infer<typeof AddCampaignLeaderInput>;

export const RemoveCampaignLeaderInput = z.object({
  campaignId: ids.campaignId,
  leaderId: z.uuid("记录不存在或无权访问"),
});
export type RemoveCampaignLeaderInput = z.infer<typeof RemoveCampaignLeaderInput>;

// ---------------------------------------------------------------------------------------------
// Quotas: a structured form; its fields become one quota of the rules format
// ---------------------------------------------------------------------------------------------

export const RemoveQuotaInput = z.object({
  campaignId: ids.campaignId,
  version: ids.version,
  quotaId: z.string().trim().min(1, "记录不存在或无权访问").max(64),
});
export type RemoveQuotaInput = z.infer<typeof RemoveQuotaInput>;

/** A number field: "" means "not given"; anything else must be a finite number. */
const formNumber = (label: string) =>
  z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === "string" && v.trim() === "")
        ? undefined
        : typeof v === "string"
          ? Number(v.trim())
          : v,
    z
      .number({ error: `${label}应为数字` })
      .finite(`${label}应为数字`)
      .optional(),
  );

const stringList = z.array(z.string().trim().min(1)).default([]);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const QuotaFormFields = z.object({
  campaignId: ids.campaignId,
  version: ids.version,
  /** The id of the quota being edited; empty for a new quota. */
  originalQuotaId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  quotaId: code("指标代码"),
  name: requiredText(120, "指标名称"),
  nameEn: optionalText(200, "英文名称"),
  ref: optionalText(300, "出处"),
  unit: optionalText(20, "计量单位"),
  structure: z.enum(QUOTA_STRUCTURES, { error: "请选择指标结构" }),
  metric: z.string().optional(),
  activityTypes: stringList,
  subTypes: stringList,
  subTypesOther: z.string().optional(),
  subjectKind: z.enum(SUBJECT_KINDS, { error: "请选择考核对象" }),
  orgLevels: stringList,
  orgKinds: stringList,
  categories: stringList,
  cadreLevels: stringList,
  positions: stringList,
  statuses: stringList,
  match: z.string().optional(),
  periodKind: z.string({ error: "请选择考核周期" }).min(1, "请选择考核周期"),
  periodMonths: formNumber("月数"),
  periodYears: formNumber("年数"),
  periodPhaseId: z.string().optional(),
  targetOp: z.string().optional(),
  targetValue: formNumber("目标值"),
  targetMin: formNumber("下限"),
  targetMax: formNumber("上限"),
  targetShare: formNumber("比例"),
  targetInnerValue: formNumber("每个对象的目标值"),
  compositeParts: z.string().optional(),
  proRate: checkbox,
  includeSubtree: checkbox,
  weight: formNumber("权重"),
});

const splitList = (text: string | undefined) =>
  (text ?? "")
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The quota form → { campaignId, version, originalQuotaId, quota }. Only the form's own shape is
 * checked here (required fields, numbers, JSON); whether the quota makes sense (negative targets,
 * a period longer than the campaign, a composite without parts …) is decided by the rules module
 * on the whole definition, so the UI refuses exactly what the CLI refuses.
 */
export const QuotaFormInput = QuotaFormFields.transform((f, ctx) => {
  const need = (field: string, message: string) => {
    ctx.addIssue({ code: "custom", path: [field], message });
  };
  const subject: Record<string, unknown> =
    f.subjectKind === "organization"
      ? {
          kind: "organization",
          ...nonEmpty("levels", f.orgLevels),
          ...nonEmpty("orgKinds", f.orgKinds),
        }
      : {
          kind: "member",
          ...nonEmpty("categories", f.categories),
          ...nonEmpty("cadreLevels", f.cadreLevels),
          ...nonEmpty("positions", f.positions),
          ...nonEmpty("statuses", f.statuses),
          ...(f.match === "any" ? { match: "any" } : {}),
        };

  let period: Record<string, unknown> = { kind: f.periodKind };
  if (f.periodKind === "nMonths") {
    if (f.periodMonths === undefined) need("periodMonths", "请选择月数");
    period = { kind: "nMonths", months: f.periodMonths };
  } else if (f.periodKind === "nYears") {
    if (f.periodYears === undefined) need("periodYears", "请填写年数");
    period = { kind: "nYears", years: f.periodYears };
  } else if (f.periodKind === "phase") {
    if (!f.periodPhaseId) need("periodPhaseId", "请选择阶段");
    period = { kind: "phase", phaseId: f.periodPhaseId ?? "" };
  }

  const quota: Record<string, unknown> = {
    id: f.quotaId,
    name: f.name,
    ...(f.nameEn ? { nameEn: f.nameEn } : {}),
    ...(f.ref ? { ref: f.ref } : {}),
    subject,
    period,
    ...(f.unit ? { unit: f.unit } : {}),
    options: { proRate: f.proRate, weight: f.weight ?? 1, includeSubtree: f.includeSubtree },
  };

  if (f.structure === "composite") {
    const text = (f.compositeParts ?? "").trim();
    if (!text) {
      need("compositeParts", "请填写组合指标的各项条件（JSON 数组）");
      return z.NEVER;
    }
    let parts: unknown;
    try {
      parts = JSON.parse(text);
    } catch (error) {
      need("compositeParts", `不是有效的 JSON：${(error as Error).message}`);
      return z.NEVER;
    }
    quota.composite = { kind: "all", parts };
  } else {
    if (!f.metric) need("metric", "请选择统计方式");
    const subTypes = [...new Set([...f.subTypes, ...splitList(f.subTypesOther)])];
    quota.metric = f.metric;
    quota.activity = { types: f.activityTypes, ...(subTypes.length ? { subTypes } : {}) };
    switch (f.targetOp) {
      case "atLeast":
        if (f.targetValue === undefined) need("targetValue", "请填写目标值");
        quota.target = { op: "atLeast", value: f.targetValue };
        break;
      case "between":
        if (f.targetMin === undefined) need("targetMin", "请填写下限");
        if (f.targetMax === undefined) need("targetMax", "请填写上限");
        quota.target = { op: "between", min: f.targetMin, max: f.targetMax };
        break;
      case "shareOfSubjects":
        if (f.targetShare === undefined) need("targetShare", "请填写比例");
        if (f.targetInnerValue === undefined) need("targetInnerValue", "请填写每个对象的目标值");
        quota.target = {
          op: "shareOfSubjects",
          share: f.targetShare,
          inner: { op: "atLeast", value: f.targetInnerValue },
        };
        break;
      default:
        need("targetOp", "请选择目标类型");
    }
  }
  return {
    campaignId: f.campaignId,
    version: f.version,
    originalQuotaId: f.originalQuotaId,
    quota: quota as unknown as QuotaInput,
  };
});
export type QuotaFormInput = z.infer<typeof QuotaFormInput>;

function nonEmpty(key: string, list: string[]): Record<string, string[]> {
  return list.length ? { [key]: [...new Set(list)] } : {};
}

/** The multi-value fields of the quota form. */
const QUOTA_LIST_FIELDS = [
  "activityTypes",
  "subTypes",
  "orgLevels",
  "orgKinds",
  "categories",
  "cadreLevels",
  "positions",
  "statuses",
] as const;

/** The quota form's fields as a plain object: check-box groups become arrays, the rest strings. */
export function quotaFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (
      typeof value === "string" &&
      !key.startsWith("$ACTION") &&
      !(QUOTA_LIST_FIELDS as readonly string[]).includes(key)
    )
      out[key] = value;
  }
  for (const key of QUOTA_LIST_FIELDS) {
    out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string" && v !== "");
  }
  return out;
}

/** A quota of the rules format as the quota form's string values (what ActionResult.values holds). */
export function quotaToFormValues(quota: QuotaInput): Record<string, string> {
  const v: Record<string, string> = {
    originalQuotaId: quota.id,
    quotaId: quota.id,
    name: quota.name,
    nameEn: quota.nameEn ?? "",
    ref: quota.ref ?? "",
    unit: quota.unit ?? "",
    structure: quota.composite ? "composite" : "simple",
    subjectKind: quota.subject.kind,
    periodKind: quota.period.kind,
    proRate: quota.options?.proRate ? "on" : "",
    includeSubtree: quota.options?.includeSubtree ? "on" : "",
    weight: String(quota.options?.weight ?? 1),
  };
  if (quota.subject.kind === "organization") {
    v.orgLevels = (quota.subject.levels ?? []).join(",");
    v.orgKinds = (quota.subject.orgKinds ?? []).join(",");
  } else {
    v.categories = (quota.subject.categories ?? []).join(",");
    v.cadreLevels = (quota.subject.cadreLevels ?? []).join(",");
    v.positions = (quota.subject.positions ?? []).join(",");
    v.statuses = (quota.subject.statuses ?? []).join(",");
    v.match = quota.subject.match ?? "all";
  }
  if (quota.period.kind === "nMonths") v.periodMonths = String(quota.period.months);
  if (quota.period.kind === "nYears") v.periodYears = String(quota.period.years);
  if (quota.period.kind === "phase") v.periodPhaseId = quota.period.phaseId;
  if (quota.composite) {
    v.compositeParts = JSON.stringify(quota.composite.parts, null, 2);
  } else {
    v.metric = quota.metric ?? "";
    const known = new Set(KNOWN_SUB_TYPES);
    const subTypes = quota.activity?.subTypes ?? [];
    v.activityTypes = (quota.activity?.types ?? []).join(",");
    v.subTypes = subTypes.filter((s) => known.has(s)).join(",");
    v.subTypesOther = subTypes.filter((s) => !known.has(s)).join(", ");
    const t = quota.target;
    if (t) {
      v.targetOp = t.op;
      if (t.op === "atLeast") v.targetValue = String(t.value);
      if (t.op === "between") {
        v.targetMin = String(t.min);
        v.targetMax = String(t.max);
      }
      if (t.op === "shareOfSubjects") {
        v.targetShare = String(t.share);
        v.targetInnerValue = String(t.inner.value);
      }
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Rules validation errors → messages beside the form's fields
// ---------------------------------------------------------------------------------------------

/** Chinese for the rules module's messages (the CLI's wording follows in brackets). */
const RULES_MESSAGES_ZH: [RegExp, string][] = [
  [/^must not be negative$/, "不能为负数"],
  [/^min must not exceed max$/, "下限不能大于上限"],
  [/^share must be above 0$/, "比例必须大于 0"],
  [/^share must be at most 1$/, "比例不能大于 1（1 表示 100%）"],
  [/^at least one activity type$/, "请至少选择一种活动类型"],
  [/^a composite needs at least one part$/, "组合指标至少需要一项条件"],
  [/^a composite quota sets this per part$/, "组合指标在各项条件中分别设置此项"],
  [/^required unless composite is given$/, "请填写此项"],
  [/^the campaign ends before it starts$/, "活动结束日期早于开始日期"],
  [/^the phase ends before it starts$/, "阶段结束日期早于开始日期"],
  [/^the phase lies outside the campaign dates$/, "阶段超出了活动的起止日期"],
  [/^duplicate quota id/, "指标代码重复"],
  [/^duplicate phase id/, "阶段代码重复"],
  [/^duplicate part id/, "条件代码重复"],
  [/^no phase .* in this campaign$/, "本活动没有这个阶段"],
  [/is longer than the campaign/, "考核周期长于活动本身，无法完成"],
  [/^Invalid option/, "不是可选的值"],
  [/^Invalid input: expected number/, "应为数字"],
  [/^Invalid input: expected string/, "应为文本"],
  [/^Invalid input: expected array/, "应为数组"],
  [/^Invalid input: expected object/, "应为对象"],
  [/^Invalid input: expected boolean/, "应为是或否"],
  [/^Invalid input/, "格式不正确"],
  [/^Too small: expected array/, "至少需要一项"],
  [/^Too small: expected string/, "不能为空"],
  [/^Too small: expected number/, "数值过小"],
  [/^Too big: expected number/, "数值过大"],
  [/^Invalid ISO date|^Invalid date/, "日期格式应为 YYYY-MM-DD"],
  [/^Invalid discriminator/, "类型不是可选的值"],
  [/^Unrecognized key/, "含有无法识别的字段"],
];

/**
 * "不能为负数（quotas[3].target.value: must not be negative）": Chinese first when the message is
 * known, and always the CLI's own path and reason, so a message in the UI can be matched with
 * what `rules-cli validate` prints.
 */
export function formatRulesError(error: ValidationError): string {
  const cli = `${error.path}: ${error.message}`;
  const zh = RULES_MESSAGES_ZH.find(([pattern]) => pattern.test(error.message))?.[1];
  return zh ? `${zh}（${cli}）` : cli;
}

/** The quota form field that shows an error at `rest`, the path below quotas[i]. */
function quotaFieldFor(rest: string): string {
  const table: [RegExp, string][] = [
    [/^\.id\b/, "quotaId"],
    [/^\.name\b/, "name"],
    [/^\.nameEn\b/, "nameEn"],
    [/^\.ref\b/, "ref"],
    [/^\.unit\b/, "unit"],
    [/^\.metric\b/, "metric"],
    [/^\.activity\.subTypes\b/, "subTypes"],
    [/^\.activity\b/, "activityTypes"],
    [/^\.subject\.levels\b/, "orgLevels"],
    [/^\.subject\.orgKinds\b/, "orgKinds"],
    [/^\.subject\.categories\b/, "categories"],
    [/^\.subject\.cadreLevels\b/, "cadreLevels"],
    [/^\.subject\.positions\b/, "positions"],
    [/^\.subject\.statuses\b/, "statuses"],
    [/^\.subject\.match\b/, "match"],
    [/^\.subject\b/, "subjectKind"],
    [/^\.period\.months\b/, "periodMonths"],
    [/^\.period\.years\b/, "periodYears"],
    [/^\.period\.phaseId\b/, "periodPhaseId"],
    [/^\.period\b/, "periodKind"],
    [/^\.target\.value\b/, "targetValue"],
    [/^\.target\.min\b/, "targetMin"],
    [/^\.target\.max\b/, "targetMax"],
    [/^\.target\.share\b/, "targetShare"],
    [/^\.target\.inner\b/, "targetInnerValue"],
    [/^\.target\b/, "targetOp"],
    [/^\.composite\b/, "compositeParts"],
    [/^\.options\.proRate\b/, "proRate"],
    [/^\.options\.weight\b/, "weight"],
    [/^\.options\.includeSubtree\b/, "includeSubtree"],
  ];
  return table.find(([pattern]) => pattern.test(rest))?.[1] ?? "_form";
}

/**
 * Rules errors of a whole definition, as field errors of the form that edited quota `index`:
 * errors of that quota go beside the matching field, any other error (another quota, a phase)
 * under "_form". Every message carries the rules path.
 */
export function quotaFieldErrors(
  errors: readonly ValidationError[],
  index: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const prefix = `quotas[${index}]`;
  for (const error of errors) {
    const field =
      error.path.startsWith(prefix) && /^[.[]|^$/.test(error.path.slice(prefix.length))
        ? quotaFieldFor(error.path.slice(prefix.length))
        : "_form";
    (out[field] ??= []).push(formatRulesError(error));
  }
  return out;
}

/** Rules errors of the phases form: phases[i].x beside row i's field, anything else under "_form". */
export function phaseFieldErrors(errors: readonly ValidationError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const m = /^phases\[(\d+)\]\.(id|name|startDate|endDate)/.exec(error.path);
    const field = m ? `phases.${m[1]}.${m[2]}` : "_form";
    (out[field] ??= []).push(formatRulesError(error));
  }
  return out;
}

/** Rules errors after a change of the campaign's dates: beside the start or the end date. */
export function dateFieldErrors(errors: readonly ValidationError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const field = /^(campaign\.)?startDate$/.test(error.path) ? "startDate" : "endDate";
    (out[field] ??= []).push(formatRulesError(error));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The per-quota results page (search params): never fails, an unusable value is ignored
// ---------------------------------------------------------------------------------------------

export const QUOTA_PAGE_SIZE = 50;
const RESULT_STATUS_VALUES = ["met", "onTrack", "atRisk", "behind", "notApplicable"] as const;

export const QuotaResultsQuery = z.object({
  asOf: calendarDate.optional().catch(undefined),
  windows: z.enum(["current", "all"]).catch("current"),
  status: z.enum(RESULT_STATUS_VALUES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QuotaResultsQuery = z.infer<typeof QuotaResultsQuery>;
