// Benchmark of the rules engine: 20,000 members, 10 quotas, 1,000,000 records, one as-of date.
// Run: npx tsx bench/rules-evaluate.ts [--runs N] [--profile FILE] [--trend N]
// Data are generated deterministically (seeded PRNG), so figures are comparable across runs. Only
// evaluateCampaign is timed, after one untimed warm-up run per mode; min/median/max are over N runs.
// --trend N adds a separate figure (N runs): the dashboard's trend, the current windows at the ten
// month ends from 2025-09-30 to 2026-06-30, as ten evaluateCampaign calls and, where the engine has
// it, as one evaluateCampaignAsOf call (record index built once for the ten dates).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import * as engine from "../src/rules/evaluate-campaign";
import type {
  CampaignForEvaluation,
  MemberInputLike,
  OrganizationInputLike,
  QuotaInput,
  RecordInputLike,
} from "../src/rules/types";

const MEMBERS = 20_000;
const RECORDS = 1_000_000;
const COLLEGES = 20;
const MEMBERS_PER_BRANCH = 20;
const AS_OF = "2026-06-30";

function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20260630);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Campaign days from 2025-09-01; strings are made once and shared, as a database driver would not.
const DATES = Array.from({ length: 366 }, (_, d) =>
  new Date(Date.UTC(2025, 8, 1) + d * 86_400_000).toISOString().slice(0, 10),
);
const DATETIMES = DATES.map((date) =>
  Array.from({ length: 24 }, (_, h) => `${date}T${String(h).padStart(2, "0")}:30:00Z`),
);
const formatDate = (dayOffset: number): string => DATES[dayOffset]!;
const NO_ATTENDEES: string[] = [];

export function generate() {
  const organizations: OrganizationInputLike[] = [
    { id: "S", level: "SCHOOL", kind: "MIXED", path: "S", validFrom: "2000-01-01", validTo: null },
  ];
  const branches: string[] = [];
  const branchCount = MEMBERS / MEMBERS_PER_BRANCH;
  for (let c = 0; c < COLLEGES; c++) {
    organizations.push({
      id: `C${c}`,
      level: "COLLEGE",
      kind: "MIXED",
      path: `S/C${c}`,
      validFrom: "2000-01-01",
    });
  }
  for (let b = 0; b < branchCount; b++) {
    const college = b % COLLEGES;
    const id = `B${b}`;
    branches.push(id);
    organizations.push({
      id,
      level: "BRANCH",
      kind: b % 3 === 0 ? "TEACHER" : "STUDENT",
      path: `S/C${college}/${id}`,
      validFrom: "2000-01-01",
    });
  }

  const members: MemberInputLike[] = [];
  const memberIds = Array.from({ length: MEMBERS }, (_, m) => `M${m}`);
  const branchMembers: string[][] = branches.map(() => []);
  for (let m = 0; m < MEMBERS; m++) {
    const b = Math.floor(m / MEMBERS_PER_BRANCH);
    const id = memberIds[m]!;
    const teacherBranch = b % 3 === 0;
    const positions: string[] = [];
    if (teacherBranch && random() < 0.3) positions.push("COURSE_TEACHER");
    if (teacherBranch && random() < 0.05) positions.push("PROFESSOR");
    if (random() < 0.015) positions.push("POLITICAL_WORKER");
    // A tenth of the members joined during the campaign, to exercise coverage and pro-rating.
    const joinedAt = random() < 0.1 ? formatDate(Math.floor(random() * 300)) : "2015-07-01";
    members.push({
      id,
      status: random() < 0.1 ? "PROBATIONARY" : "FULL",
      category: teacherBranch ? "TEACHER" : "STUDENT",
      cadreLevel: random() < 0.01 ? "MIDDLE_CADRE" : "NONE",
      positions,
      joinedAt,
      memberships: [{ orgId: branches[b]!, from: joinedAt, to: null }],
    });
    branchMembers[b]!.push(id);
  }

  const statuses = [
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "APPROVED",
    "SUBMITTED",
    "RETURNED",
  ];
  const meetingTypes = [
    "CONCENTRATED_STUDY",
    "THEME_PARTY_DAY",
    "BRANCH_GENERAL_MEETING",
    "PARTY_LECTURE",
  ];
  const selfTypes = [
    "VOLUNTEER_SERVICE",
    "VOLUNTARY_LABOUR",
    "LECTURE_GIVEN",
    "PAIRING",
    "TRAINING",
    "TRAINING",
    "SOCIAL_PRACTICE",
    "DORM_PATROL",
    "COURSE_IDEOLOGY_PROJECT",
    "PLEDGE",
    "OTHER",
  ];
  const records: RecordInputLike[] = new Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) {
    const dayOffset = Math.floor(random() * 365);
    const status = pick(statuses);
    const voidedAt = random() < 0.01 ? "2026-05-01T00:00:00Z" : null;
    // Three in ten dates are UTC datetimes, so the Shanghai conversion is exercised.
    const date =
      random() < 0.3 ? DATETIMES[dayOffset]![Math.floor(random() * 24)]! : formatDate(dayOffset);
    if (i % 10 === 0) {
      const b = Math.floor(random() * branches.length);
      records[i] = {
        id: `R${i}`,
        type: pick(meetingTypes),
        subType: null,
        orgId: branches[b]!,
        date,
        hours: 2,
        status,
        voidedAt,
        attendeeIds: branchMembers[b]!.filter(() => random() < 0.8),
      };
    } else {
      const m = Math.floor(random() * MEMBERS);
      const type = pick(selfTypes);
      records[i] = {
        id: `R${i}`,
        type,
        subType: type === "PAIRING" ? pick(["FRESHMAN_DORM", "STUDENT_IN_DIFFICULTY"]) : null,
        orgId: branches[Math.floor(m / MEMBERS_PER_BRANCH)]!,
        date,
        hours: 1 + Math.floor(random() * 8),
        days: type === "SOCIAL_PRACTICE" ? 1 + Math.floor(random() * 5) : null,
        status,
        voidedAt,
        attendeeIds: NO_ATTENDEES,
        selfReportedBy: memberIds[m]!,
      };
    }
  }
  return { organizations, members, records };
}

export const quotas: QuotaInput[] = [
  {
    id: "four-ones",
    name: "四个一",
    subject: { kind: "member" },
    period: { kind: "academicYear" },
    composite: {
      kind: "all",
      parts: [
        {
          id: "lecture",
          name: "授课",
          metric: "count",
          activity: { types: ["LECTURE_GIVEN"] },
          target: { op: "atLeast", value: 1 },
        },
        {
          id: "volunteer",
          name: "志愿服务",
          metric: "count",
          activity: { types: ["VOLUNTEER_SERVICE"] },
          target: { op: "atLeast", value: 1 },
        },
        {
          id: "labour",
          name: "义务劳动",
          metric: "count",
          activity: { types: ["VOLUNTARY_LABOUR"] },
          target: { op: "atLeast", value: 1 },
        },
        {
          id: "pairing",
          name: "结对",
          metric: "count",
          activity: { types: ["PAIRING"], subTypes: ["FRESHMAN_DORM"] },
          target: { op: "atLeast", value: 1 },
        },
        {
          id: "hours",
          name: "时长",
          metric: "sumHours",
          activity: {
            types: ["LECTURE_GIVEN", "VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "PAIRING"],
          },
          target: { op: "atLeast", value: 20 },
        },
      ],
    },
  },
  {
    id: "pledge",
    name: "承诺",
    subject: { kind: "member" },
    period: { kind: "campaign" },
    metric: "count",
    activity: { types: ["PLEDGE"] },
    target: { op: "atLeast", value: 1 },
  },
  {
    id: "study",
    name: "参加集中学习",
    subject: { kind: "member" },
    period: { kind: "academicYear" },
    metric: "count",
    activity: { types: ["CONCENTRATED_STUDY"] },
    target: { op: "atLeast", value: 4 },
  },
  {
    id: "theme-day",
    name: "主题党日",
    subject: { kind: "member" },
    period: { kind: "month" },
    metric: "count",
    activity: { types: ["THEME_PARTY_DAY"] },
    target: { op: "atLeast", value: 1 },
  },
  {
    id: "training-hours",
    name: "培训学时",
    subject: { kind: "member" },
    period: { kind: "calendarYear" },
    metric: "sumHours",
    activity: { types: ["TRAINING"] },
    target: { op: "atLeast", value: 20 },
    options: { proRate: true },
  },
  {
    id: "service-kinds",
    name: "服务种类",
    subject: { kind: "member" },
    period: { kind: "semester" },
    metric: "distinctKinds",
    activity: { types: ["VOLUNTEER_SERVICE", "VOLUNTARY_LABOUR", "PAIRING", "OTHER"] },
    target: { op: "atLeast", value: 2 },
  },
  {
    id: "social-practice",
    name: "社会实践",
    subject: { kind: "member", categories: ["STUDENT"] },
    period: { kind: "academicYear" },
    metric: "sumDays",
    activity: { types: ["SOCIAL_PRACTICE"] },
    target: { op: "atLeast", value: 20 },
  },
  {
    id: "dorm-patrol",
    name: "巡查宿舍",
    subject: { kind: "member", positions: ["POLITICAL_WORKER"] },
    period: { kind: "week" },
    metric: "count",
    activity: { types: ["DORM_PATROL"] },
    target: { op: "atLeast", value: 1 },
  },
  {
    id: "org-study",
    name: "组织集中学习",
    subject: { kind: "organization", levels: ["COLLEGE", "BRANCH"] },
    period: { kind: "halfYear" },
    metric: "count",
    activity: { types: ["CONCENTRATED_STUDY", "PARTY_LECTURE"] },
    target: { op: "atLeast", value: 5 },
    options: { includeSubtree: true },
  },
  {
    id: "course-ideology",
    name: "课程思政",
    subject: { kind: "member", positions: ["COURSE_TEACHER"] },
    period: { kind: "campaign" },
    metric: "count",
    activity: { types: ["COURSE_IDEOLOGY_PROJECT"] },
    target: { op: "shareOfSubjects", share: 0.5, inner: { op: "atLeast", value: 1 } },
  },
];

export const campaign: CampaignForEvaluation = {
  id: "bench",
  startDate: "2025-09-01",
  endDate: "2026-08-31",
  quotas,
};

interface Measurement {
  /** Wall time of evaluateCampaign, from the call to its return. */
  ms: number;
  /** Process CPU time over the same span (includes V8's parallel GC threads). */
  cpuMs: number;
  /** CPU time of the main (JavaScript) thread alone; null where /proc is not available. */
  mainThreadCpuMs: number | null;
  /** Start and end on the performance.now() clock, to attribute GC pauses to the run. */
  from: number;
  to: number;
  results: number;
}

/** CPU time of the main thread in ms (Linux, 10 ms resolution), or null. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s
  } catch {
    return null;
  }
}

function measure(data: ReturnType<typeof generate>, windows: "all" | "current"): Measurement {
  const mainCpu = mainThreadCpu();
  const cpu = process.cpuUsage();
  const from = performance.now();
  // Only the evaluation is timed: the input exists before, and the result is only counted after.
  const evaluation = engine.evaluateCampaign({ campaign, ...data, asOf: AS_OF, windows });
  const to = performance.now();
  const used = process.cpuUsage(cpu);
  const mainCpuAfter = mainThreadCpu();
  // CPU time is reported next to wall time because a loaded machine inflates the latter.
  return {
    ms: to - from,
    cpuMs: (used.user + used.system) / 1000,
    mainThreadCpuMs: mainCpu === null || mainCpuAfter === null ? null : mainCpuAfter - mainCpu,
    from,
    to,
    results: evaluation.results.length,
  };
}

const TREND_DATES = [
  "2025-09-30",
  "2025-10-31",
  "2025-11-30",
  "2025-12-31",
  "2026-01-31",
  "2026-02-28",
  "2026-03-31",
  "2026-04-30",
  "2026-05-31",
  "2026-06-30",
];

/** Wall time of the ten-date trend, evaluated date by date and, if available, all at once. */
function measureTrend(data: ReturnType<typeof generate>, runs: number): Record<string, unknown> {
  // The engine before evaluateCampaignAsOf existed has only the date-by-date way.
  const asOf = (engine as Record<string, unknown>).evaluateCampaignAsOf as
    ((input: unknown) => Iterable<{ results: unknown[] }>) | undefined;
  const ways: Record<string, () => number> = {
    separate: () => {
      let results = 0;
      for (const date of TREND_DATES) {
        results += engine.evaluateCampaign({ campaign, ...data, asOf: date, windows: "current" })
          .results.length;
      }
      return results;
    },
  };
  if (asOf) {
    ways.indexOnce = () => {
      let results = 0;
      // Evaluations are yielded one at a time and dropped, as the dashboard keeps only its scope.
      for (const e of asOf({ campaign, ...data, asOfDates: TREND_DATES, windows: "current" }))
        results += e.results.length;
      return results;
    };
  }
  const out: Record<string, unknown> = { dates: TREND_DATES.length, windows: "current" };
  for (const [name, run] of Object.entries(ways)) {
    run(); // warm-up
    const ms: number[] = [];
    let results = 0;
    for (let r = 0; r < runs; r++) {
      const from = performance.now();
      results = run();
      ms.push(performance.now() - from);
    }
    out[name] = { results, wallMs: summarize(ms) };
  }
  return out;
}

function summarize(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: Math.round(sorted[0]!),
    median: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    max: Math.round(sorted[sorted.length - 1]!),
  };
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

async function main(): Promise<void> {
  // --profile FILE: CPU profile of one evaluation only (windows=all), for chrome://inspect or speedscope.
  const profileArg = process.argv.indexOf("--profile");
  if (profileArg > 0) {
    const { Session } = await import("node:inspector/promises");
    const data = generate();
    measure(data, "all"); // warm-up, so the profile shows optimized code
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    const m = measure(data, "all");
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(process.argv[profileArg + 1]!, JSON.stringify(profile));
    process.stdout.write(`${JSON.stringify({ ms: m.ms, cpuMs: m.cpuMs, results: m.results })}\n`);
    return;
  }

  const runsArg = process.argv.indexOf("--runs");
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

  const genStarted = performance.now();
  const data = generate();
  const genMs = performance.now() - genStarted;
  const attendances = data.records.reduce(
    (s, r) => s + (r.attendeeIds?.length ?? 0) + (r.selfReportedBy ? 1 : 0),
    0,
  );

  // Garbage-collection pauses on the main thread, attributed to the run they fall in.
  const gcPauses: Array<{ start: number; duration: number }> = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, duration: e.duration });
  });
  gcObserver.observe({ entryTypes: ["gc"] });

  const cpus = os.cpus();
  const report: Record<string, unknown> = {
    node: process.version,
    machine: `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
    loadAverageAtStart: loadAverage(),
    members: MEMBERS,
    organizations: data.organizations.length,
    records: RECORDS,
    attendances,
    quotas: quotas.length,
    asOf: AS_OF,
    runs,
    generationMs: Math.round(genMs),
  };
  for (const windows of ["all", "current"] as const) {
    // One untimed run first, so the timed ones measure optimized code in a steady heap.
    measure(data, windows);
    const measurements: Measurement[] = [];
    for (let r = 0; r < runs; r++) measurements.push(measure(data, windows));
    await new Promise((resolve) => setTimeout(resolve, 50)); // lets the GC entries arrive
    const gcMs = measurements.map((m) =>
      gcPauses
        .filter((g) => g.start >= m.from && g.start < m.to)
        .reduce((sum, g) => sum + g.duration, 0),
    );
    const wall = summarize(measurements.map((m) => m.ms));
    report[`windows=${windows}`] = {
      results: measurements[0]!.results,
      wallMs: wall,
      cpuMs: summarize(measurements.map((m) => m.cpuMs)),
      mainThreadCpuMs: measurements.some((m) => m.mainThreadCpuMs === null)
        ? null
        : summarize(measurements.map((m) => m.mainThreadCpuMs!)),
      gcPauseMs: summarize(gcMs),
      recordsPerSecond: Math.round(RECORDS / (wall.median / 1000)),
    };
  }
  const trendArg = process.argv.indexOf("--trend");
  if (trendArg > 0) report.trend = measureTrend(data, Number(process.argv[trendArg + 1]));
  gcObserver.disconnect();
  report.loadAverageAtEnd = loadAverage();
  report.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  report.heapUsedMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
