import {
  evaluateCampaign,
  evaluateCampaignInSteps,
  PAUSE,
  parseCampaignFile,
  parseRecords,
  type ActivityRecord,
  type CampaignEvaluation,
  type CampaignFile,
  type ParseResult,
  type QuotaResult,
  type ResultStatus,
} from "@/rules";
import type { Actor } from "../../authz/actor";
import { isWithinSubtree, scopeRoots } from "../../authz/scope";
import { AppError } from "../../errors";
import { yieldTurn } from "../derived-cache";
import type { EvaluationInput } from "./load-evaluation-input";

export type EvaluationWindows = "all" | "current";

/**
 * Evaluates the input exactly as `rules-cli evaluate` does: both files validated by the rules
 * module's parsers, then evaluateCampaign. The same data therefore gives the same output here
 * and from the CLI on exportEvaluationInput's files.
 */
export function runEvaluation(
  input: EvaluationInput,
  asOf: string,
  windows: EvaluationWindows,
): CampaignEvaluation {
  const file = parseCampaignFile(input.campaignFile);
  if (!file.ok)
    throw new AppError(
      "VALIDATION",
      `活动定义无效：${file.errors[0]?.path}: ${file.errors[0]?.message}`,
    );
  const records = parseRecords(input.recordsFile);
  if (!records.ok)
    throw new AppError(
      "VALIDATION",
      `活动记录无效：${records.errors[0]?.path}: ${records.errors[0]?.message}`,
    );
  return evaluateCampaign({
    campaign: file.value.campaign,
    organizations: file.value.organizations,
    members: file.value.members,
    records: records.value,
    asOf,
    windows,
  });
}

/** Lets the event loop run pending I/O (other requests) before the next CPU-bound step. */
export function yieldToEventLoop(): Promise<void> {
  return yieldTurn();
}

/** Members or records parsed per turn of the event loop. */
const PARSE_SLICE = 2_000;

/** Subjects measured per turn of the event loop (one quota's measuring of 20,000 members is tens of ms). */
const SUBJECTS_PER_TURN = 1_000;

/** Input as parseInputInTurns returns it. */
export type ParsedInput = { file: CampaignFile; records: ActivityRecord[] };

/**
 * The evaluations of parsed input at each date, in the order of the dates, as evaluateCampaign
 * gives them, computed in steps with a turn of the event loop between two steps (the record index;
 * a thousand subjects of one quota): an evaluation of a large campaign is a few hundred
 * milliseconds of CPU, which would otherwise hold up every request waiting for the thread.
 */
export async function* evaluateInTurns(
  parsed: ParsedInput,
  asOfDates: ReadonlyArray<string>,
  windows: EvaluationWindows,
): AsyncGenerator<CampaignEvaluation, void, undefined> {
  const steps = evaluateCampaignInSteps({
    campaign: parsed.file.campaign,
    organizations: parsed.file.organizations,
    members: parsed.file.members,
    records: parsed.records,
    asOfDates,
    windows,
    subjectsPerStep: SUBJECTS_PER_TURN,
  });
  for (const step of steps) {
    if (step === PAUSE) await yieldTurn();
    else yield step;
  }
}

/** evaluateInTurns at one date. */
export async function evaluateOneInTurns(
  parsed: ParsedInput,
  asOf: string,
  windows: EvaluationWindows,
): Promise<CampaignEvaluation> {
  let evaluation: CampaignEvaluation | undefined;
  for await (const e of evaluateInTurns(parsed, [asOf], windows)) evaluation = e;
  return evaluation!;
}

const shiftIndex = (path: string, list: string, by: number) =>
  path.replace(new RegExp(`^${list}\\[(\\d+)\\]`), (_m, i: string) => `${list}[${Number(i) + by}]`);

/**
 * Parses `items` a slice at a time with `parseSlice`, a turn of the event loop after each slice
 * (at least one slice, for an empty list too), and keeps the parsed items. An error names the path
 * a whole parse would name (`list[i]…`, shifted by the slice's start), and so does a repeated id.
 */
async function parseInSlices<T extends { id: string }>(
  items: ReadonlyArray<unknown>,
  list: string,
  what: string,
  parseSlice: (slice: unknown[]) => ParseResult<T[]>,
): Promise<T[]> {
  const parsed: T[] = [];
  const ids = new Set<string>();
  for (let start = 0; start === 0 || start < items.length; start += PARSE_SLICE) {
    const part = parseSlice(items.slice(start, start + PARSE_SLICE));
    if (!part.ok) {
      const first = part.errors[0];
      throw invalid(what, first && { ...first, path: shiftIndex(first.path, list, start) });
    }
    for (const [i, item] of part.value.entries()) {
      if (ids.has(item.id))
        throw invalid(what, {
          path: `${list}[${start + i}].id`,
          message: `duplicate ${list === "members" ? "member" : "record"} id "${item.id}"`,
        });
      ids.add(item.id);
      parsed.push(item);
    }
    await yieldToEventLoop();
  }
  return parsed;
}

const invalid = (what: string, error: { path: string; message: string } | undefined) =>
  new AppError("VALIDATION", `${what}：${error?.path}: ${error?.message}`);

/**
 * The input parsed as runEvaluation parses it (the same validation, the same values), a slice of
 * members or records at a time with a turn of the event loop between slices: on a large campaign
 * parsing takes a few hundred milliseconds, and figures computed in the background must not hold
 * up every other request for all of it at once. An error names the same path as a whole parse.
 */
export async function parseInputInTurns(
  input: Pick<EvaluationInput, "campaignFile" | "recordsFile">,
): Promise<ParsedInput> {
  let file: CampaignFile | undefined;
  const members = await parseInSlices(
    input.campaignFile.members,
    "members",
    "活动定义无效",
    (slice) => {
      const part = parseCampaignFile({ ...input.campaignFile, members: slice });
      if (part.ok) file ??= part.value;
      return part.ok ? { ok: true, value: part.value.members } : part;
    },
  );
  const records = await parseInSlices(
    input.recordsFile.records,
    "records",
    "活动记录无效",
    (slice) => parseRecords({ records: slice }),
  );
  return { file: { ...file!, members }, records };
}

/** runEvaluation with turns of the event loop between its steps (see parseInputInTurns). */
export async function runEvaluationInTurns(
  input: EvaluationInput,
  asOf: string,
  windows: EvaluationWindows,
): Promise<CampaignEvaluation> {
  const parsed = await parseInputInTurns(input);
  const evaluation = await evaluateOneInTurns(parsed, asOf, windows);
  await yieldToEventLoop();
  return evaluation;
}

/**
 * Keeps the results of subjects inside the actor's campaign.read scope. Someone who reads the
 * whole covered subtree gets the evaluation unchanged; anyone else gets the organizations inside
 * their subtrees and the members whose current organization is inside them, and no population
 * results (a share over the whole campaign would speak about subjects they may not see).
 */
export function restrictToScope(
  evaluation: CampaignEvaluation,
  actor: Actor,
  input: Pick<EvaluationInput, "campaignFile" | "memberOrgPaths">,
  rootPath: string,
): CampaignEvaluation {
  const roots = scopeRoots(actor, "campaign.read");
  if (roots.some((root) => isWithinSubtree(rootPath, root))) return evaluation;
  const inScope = (path: string | undefined) =>
    path !== undefined && roots.some((root) => isWithinSubtree(path, root));
  const orgPaths = new Map(input.campaignFile.organizations.map((o) => [o.id, o.path]));
  const keep = (r: QuotaResult) =>
    r.subjectKind === "organization"
      ? inScope(orgPaths.get(r.subjectId))
      : r.subjectKind === "member"
        ? inScope(input.memberOrgPaths[r.subjectId])
        : false;
  return { ...evaluation, results: evaluation.results.filter(keep) };
}

export type QuotaSummary = {
  quotaId: string;
  subjects: number;
  counts: Record<ResultStatus, number>;
  /** The population result of a share-of-subjects quota, when the reader sees it. */
  population: QuotaResult | null;
};

/** Per quota: how many subjects are met / on track / at risk / behind / not applicable, each in its latest window. */
export function summarizeEvaluation(
  evaluation: CampaignEvaluation,
  quotaIds: readonly string[],
): Map<string, QuotaSummary> {
  const latest = new Map<string, QuotaResult>();
  for (const r of evaluation.results) {
    if (r.partId) continue;
    const key = `${r.quotaId}\u0000${r.subjectKind}\u0000${r.subjectId}`;
    const seen = latest.get(key);
    if (!seen || seen.window.start < r.window.start) latest.set(key, r);
  }
  const out = new Map<string, QuotaSummary>();
  for (const id of quotaIds) {
    out.set(id, {
      quotaId: id,
      subjects: 0,
      counts: { met: 0, onTrack: 0, atRisk: 0, behind: 0, notApplicable: 0 },
      population: null,
    });
  }
  for (const r of latest.values()) {
    const summary = out.get(r.quotaId);
    if (!summary) continue;
    if (r.subjectKind === "population") {
      summary.population = r;
      continue;
    }
    summary.subjects++;
    summary.counts[r.status]++;
  }
  return out;
}
