/// <reference types="vite/client" />
/**
 * Randomized access fuzzing of every server action and every session-bound route handler.
 *
 * Each generated call picks an action case (every `*_CASES` entry of the action-isolation
 * harness), an actor (either tenant, any role, or no session), and a way to cross a boundary:
 *   - foreign:   some of the case's own id fields (chosen at random) replaced by the other
 *                tenant's, or the case's own foreign form;
 *   - subtree:   an actor scoped to college c1 or branch b11, with ids of college c2 / branch b21;
 *   - noSession: the case's own valid form without a session;
 *   - wrongRole: a privileged case called by a plain member;
 * plus random extra fields (the other tenant's tenantId or ids, SQL, junk, Next's own field names).
 * Every call must come back as a refusal with a message (never a throw, never a success), the
 * other tenant's rows must be byte-for-byte unchanged (superuser checksums of every tenant table),
 * and the caller's own tenant too, since a refused call writes nothing.
 *
 * `npm test` runs a sample (FUZZ_CALLS, default 400, with a fixed seed); the full run is
 * `npx tsx scripts/fuzz-access.ts --calls 10000 --seed N`. The seed is printed: the same seed and
 * count replay the same calls.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { form, signOut } from "../../setup/action-context";
import type { TenantFixture } from "../../factories/tenant-fixture";
import type { ActionCase } from "../actions/action-cases";
import {
  ACTION_CASES,
  createFuzzTenants,
  createLazyCaseRows,
  openFuzzSessions,
  signInFuzz,
  type Fields,
} from "../../fuzz/action-harness";
import {
  changedTables,
  closeChecksums,
  idsByTenant,
  tenantChecksums,
  type TenantChecksums,
} from "../../fuzz/tenant-checksums";
import { ROUTE_CASES, type RouteCall, type RouteContext } from "../../fuzz/route-cases";
import { PNG } from "../activities/helpers";

process.env.EVIDENCE_DIR ??= mkdtempSync(path.join(tmpdir(), "fuzz-evidence-"));

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

const CALLS = Number(process.env.FUZZ_CALLS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
/** Percent of the calls that go to route handlers. */
const ROUTE_PERCENT = 15;

const ROLES = ["admin", "collegeAdmin", "leader", "secretary", "member", "inspector"] as const;
/** Roles whose scope is college c1 (collegeAdmin, leader) or branch b11 (secretary, member). */
const SCOPED_ROLES = ["collegeAdmin", "leader", "secretary", "member"] as const;
const KINDS = ["foreign", "subtree", "noSession", "wrongRole"] as const;
/**
 * "self": a case with no id to forge (its foreign form names nothing of the other tenant, e.g.
 * changing one's own password with a wrong current password, or creating one's own calendar
 * token). Such a call may change the caller's own rows (a failed password change is audited by
 * design); the other tenant's rows must still be untouched.
 */
type Kind = (typeof KINDS)[number] | "self";

let tenants: [TenantFixture, TenantFixture];
let ids: Map<string, Set<string>>;

// ---------------------------------------------------------------------------------------------
// What the fuzzer knows about the fixture: whose an id is, and the out-of-subtree twin of an id.
// ---------------------------------------------------------------------------------------------

/** True when `value` names something of `tenant`: one of its row ids, its tenant id or its codes. */
function namesTenant(value: unknown, tenant: TenantFixture): boolean {
  const text = Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : "";
  if (!text) return false;
  if (
    text.includes(tenant.tenantId) ||
    text.toUpperCase().includes(`${tenant.slug}-`.toUpperCase())
  )
    return true;
  const own = ids.get(tenant.tenantId)!;
  return text.split(/[\s,:]+/).some((part) => own.has(part));
}

/** In-subtree (c1, b11, b12) ids and codes of `t` mapped to their twins under c2 / b21. */
function subtreeTwin(t: TenantFixture): (value: string) => string {
  const map = new Map<string, string>([
    [t.orgs.c1!.id, t.orgs.c2!.id],
    [t.orgs.b11!.id, t.orgs.b21!.id],
    [t.orgs.b12!.id, t.orgs.b21!.id],
  ]);
  for (const i of [0, 1, 2]) {
    map.set(t.members[`b11-${i}`]!, t.members[`b21-${i}`]!);
    map.set(t.members[`b12-${i}`]!, t.members[`b21-${i}`]!);
  }
  const slug = t.slug.toUpperCase();
  return (value) => {
    let out = value;
    for (const [from, to] of map) out = out.split(from).join(to);
    return out
      .replace(new RegExp(`${slug}-B1[12]`, "gi"), `${slug}-B21`)
      .replace(new RegExp(`${slug}-C1\\b`, "gi"), `${slug}-C2`);
  };
}

function mapFields(fields: Fields, fn: (value: string) => string): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = typeof value === "string" ? fn(value) : Array.isArray(value) ? value.map(fn) : value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The generated call.
// ---------------------------------------------------------------------------------------------

const extraValue = fc.oneof(
  fc.constantFrom("<other-tenant>", "<other-id>", "<other-id>"),
  fc.constantFrom("' OR 1=1 --", "null", "undefined", "[]", "{}", "-1", "1e309", "NaN", "true"),
  fc.string({ maxLength: 40 }),
);
const extraKey = fc.oneof(
  fc.constantFrom(
    "tenantId",
    "tid",
    "orgId",
    "id",
    "memberId",
    "userId",
    "campaignId",
    "version",
    "role",
    "__proto__",
    "constructor",
    "$ACTION_ID_0",
    "$ACTION_REF_1",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const callArbitrary = fc.record({
  route: fc.nat(99),
  caseIndex: fc.nat(),
  kind: fc.constantFrom(...KINDS),
  actorTenant: fc.constantFrom(0, 1),
  role: fc.constantFrom(...ROLES),
  scopedRole: fc.constantFrom(...SCOPED_ROLES),
  mask: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  useCaseForeign: fc.boolean(),
  extras: fc.array(fc.tuple(extraKey, extraValue), { maxLength: 4 }),
  pick: fc.nat(),
});
type GeneratedCall = typeof callArbitrary extends fc.Arbitrary<infer T> ? T : never;

function sampleCalls() {
  return fc.sample(callArbitrary, { seed: SEED, numRuns: CALLS });
}

type Plan = {
  label: string;
  kind: Kind;
  role: string | null;
  actor: TenantFixture;
  other: TenantFixture;
  fields: Fields;
  run: (fd: FormData) => Promise<unknown>;
  testCase: ActionCase;
};

/** Picks the fields of `base` named by the mask among `candidates`; at least one. */
function chosen(candidates: string[], mask: boolean[]): string[] {
  const picked = candidates.filter((_, i) => mask[i % mask.length]);
  return picked.length ? picked : candidates.slice(0, 1);
}

function planAction(call: GeneratedCall): Plan {
  const testCase = ACTION_CASES[call.caseIndex % ACTION_CASES.length]!;
  const actor = tenants[call.actorTenant]!;
  const other = tenants[1 - call.actorTenant]!;
  let kind: Kind = call.kind;
  let role: string | null = call.role;
  let fields: Fields | null = null;

  if (kind === "wrongRole" && !testCase.privileged) kind = "noSession";
  if (kind === "subtree") {
    role = call.scopedRole;
    const own = testCase.own(actor);
    const twin = mapFields(own, subtreeTwin(actor));
    const differing = Object.keys(own).filter(
      (key) => JSON.stringify(own[key]) !== JSON.stringify(twin[key]),
    );
    if (differing.length) {
      fields = { ...own };
      for (const key of chosen(differing, call.mask)) fields[key] = twin[key];
    } else kind = "foreign";
  }
  if (kind === "foreign") {
    const own = testCase.own(actor);
    const theirs = testCase.own(other);
    const swappable = Object.keys(own).filter(
      (key) => !namesTenant(own[key], other) && namesTenant(theirs[key], other),
    );
    if (!call.useCaseForeign && swappable.length) {
      fields = { ...own };
      for (const key of chosen(swappable, call.mask)) fields[key] = theirs[key];
    } else {
      fields = testCase.foreign(actor, other);
      // The case's foreign form is refused to the roles the harness lists (default: the admin).
      const roles = testCase.roles ?? ["admin"];
      role = roles[call.pick % roles.length]!;
      if (!Object.values(fields).some((value) => namesTenant(value, other))) kind = "self";
    }
  }
  if (kind === "noSession") {
    role = null;
    fields = testCase.own(actor);
  }
  if (kind === "wrongRole") {
    role = "member";
    fields = testCase.own(actor);
  }

  const withExtras: Fields = { ...fields! };
  const otherIds = [...ids.get(other.tenantId)!];
  for (const [key, raw] of call.extras) {
    const value =
      raw === "<other-tenant>"
        ? other.tenantId
        : raw === "<other-id>"
          ? otherIds[call.pick % otherIds.length]!
          : raw;
    const existing = withExtras[key];
    // Appended after the real value: FormData.get still reads the first, getAll sees both.
    withExtras[key] =
      existing === undefined
        ? value
        : Array.isArray(existing)
          ? [...existing, value]
          : typeof existing === "object"
            ? existing
            : [String(existing), value];
  }
  return {
    label: `${testCase.name} · ${kind} · ${actor.slug}/${role ?? "no session"}`,
    kind,
    role,
    actor,
    other,
    fields: withExtras,
    run: testCase.run,
    testCase,
  };
}

// ---------------------------------------------------------------------------------------------
// Running a call and judging the result.
// ---------------------------------------------------------------------------------------------

type Outcome = { refused: true; message: string } | { refused: false; problem: string };

async function runPlan(plan: Plan): Promise<Outcome> {
  if (plan.role) await signInFuzz(plan.actor.tenantId, plan.actor.users[plan.role]!);
  else signOut();
  let result: unknown;
  try {
    result = await plan.run(form(plan.fields));
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT")
      return { refused: false, problem: "accepted (redirected)" };
    return {
      refused: false,
      problem: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
  if (plan.testCase.isRefused?.(result)) {
    const r = result as { message?: string; data?: { status?: string } };
    return {
      refused: true,
      message: r.message || `import report: ${r.data?.status ?? "rejected"}`,
    };
  }
  const r = result as { ok?: boolean; message?: unknown };
  if (r && r.ok === false && typeof r.message === "string" && r.message.trim().length > 0)
    return { refused: true, message: r.message };
  return { refused: false, problem: `accepted: ${JSON.stringify(result).slice(0, 300)}` };
}

/** A refusal's kind, for the tally. */
function refusalKind(message: string): string {
  if (/登录已失效/.test(message)) return "unauthenticated";
  if (/不存在或无权访问|未找到/.test(message)) return "not found";
  if (/权限|无权|不在您的管理范围/.test(message)) return "forbidden";
  if (/请修正|import report/.test(message)) return "validation";
  return `other: ${message.slice(0, 40)}`;
}

type Finding = { index: number; label: string; problem: string; fields?: string };
type Report = {
  seed: number;
  calls: number;
  actionCalls: number;
  routeCalls: number;
  refusals: Record<string, number>;
  byKind: Record<string, number>;
  findings: Finding[];
  durationMs: number;
  cases: number;
  routes: number;
};

function describeFields(fields: Fields): string {
  return JSON.stringify(fields, (_k, v: unknown) =>
    v instanceof Blob ? `<file ${v.size} B>` : v,
  ).slice(0, 600);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  tenants = await createFuzzTenants();
}, 120_000);

afterAll(async () => {
  await closeChecksums();
});

describe(`access fuzzing (seed ${SEED}, ${CALLS} calls)`, () => {
  it("refuses every cross-boundary call and changes no row across it", async () => {
    const started = Date.now();
    const [a, b] = tenants;
    await createLazyCaseRows(tenants);
    // A real stored file behind every evidence row, so a refused download is the check's doing.
    const { getEvidenceStore } = await import("@/server/evidence/evidence-store");
    await getEvidenceStore().put(PNG);
    ids = await idsByTenant();
    const { adminDb } = await import("../../setup/admin-db");
    const listOf = async (rows: Promise<{ tenantId: string; id: string }[]>) => {
      const out = new Map<string, string[]>([
        [a.tenantId, []],
        [b.tenantId, []],
      ]);
      for (const row of await rows) out.get(row.tenantId)?.push(row.id);
      return out;
    };
    const routeContext: RouteContext = {
      tenants: [a, b],
      ids,
      campaigns: await listOf(
        adminDb().campaign.findMany({ select: { tenantId: true, id: true } }),
      ),
      evidence: await listOf(adminDb().evidence.findMany({ select: { tenantId: true, id: true } })),
    };

    console.log(
      `access fuzz: seed ${SEED}, ${CALLS} calls, ${ACTION_CASES.length} action cases, ${ROUTE_CASES.length} route cases`,
    );
    const report: Report = {
      seed: SEED,
      calls: CALLS,
      actionCalls: 0,
      routeCalls: 0,
      refusals: {},
      byKind: {},
      findings: [],
      durationMs: 0,
      cases: ACTION_CASES.length,
      routes: ROUTE_CASES.length,
    };
    await openFuzzSessions([a, b]);
    let baseline: TenantChecksums = await tenantChecksums();
    const calls = sampleCalls();

    for (const [index, call] of calls.entries()) {
      if (call.route < ROUTE_PERCENT) {
        report.routeCalls++;
        const routeCase = ROUTE_CASES[call.caseIndex % ROUTE_CASES.length]!;
        const routeCall: RouteCall = routeCase.plan(routeContext, call);
        if (routeCall.role)
          await signInFuzz(routeCall.actor.tenantId, routeCall.actor.users[routeCall.role]!);
        else signOut();
        const label = `route ${routeCase.name} · ${routeCall.kind} · ${routeCall.actor.slug}/${routeCall.role ?? "no session"} · ${routeCall.url}`;
        report.byKind[`route:${routeCall.kind}`] =
          (report.byKind[`route:${routeCall.kind}`] ?? 0) + 1;
        let problem: string | null;
        try {
          const response = await routeCall.send();
          problem = await routeCall.judge(response);
          const key = `route HTTP ${response.status}`;
          report.refusals[key] = (report.refusals[key] ?? 0) + 1;
        } catch (error) {
          problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        }
        const after = await tenantChecksums();
        const changed = [a, b].flatMap((t) =>
          changedTables(baseline, after, t.tenantId).map((name) => `${t.slug}.${name}`),
        );
        if (changed.length) problem = `${problem ?? ""} rows changed: ${changed.join(", ")}`.trim();
        if (problem) report.findings.push({ index, label, problem });
        baseline = after;
        continue;
      }

      report.actionCalls++;
      const plan = planAction(call);
      report.byKind[plan.kind] = (report.byKind[plan.kind] ?? 0) + 1;
      const outcome = await runPlan(plan);
      const after = await tenantChecksums();
      const problems: string[] = [];
      if (outcome.refused) {
        const kind = refusalKind(outcome.message);
        report.refusals[kind] = (report.refusals[kind] ?? 0) + 1;
      } else problems.push(outcome.problem);
      const otherChanged = changedTables(baseline, after, plan.other.tenantId);
      if (otherChanged.length)
        problems.push(`other tenant's rows changed: ${otherChanged.join(", ")}`);
      const ownChanged = changedTables(baseline, after, plan.actor.tenantId);
      if (outcome.refused && ownChanged.length && plan.kind !== "self")
        problems.push(`refused, yet caller's tenant rows changed: ${ownChanged.join(", ")}`);
      if (problems.length)
        report.findings.push({
          index,
          label: plan.label,
          problem: problems.join("; "),
          fields: describeFields(plan.fields),
        });
      baseline = after;
    }

    report.durationMs = Date.now() - started;
    console.log(JSON.stringify({ ...report, findings: report.findings.length }, null, 2));
    for (const finding of report.findings.slice(0, 40))
      console.log(
        `#${finding.index} ${finding.label}\n  ${finding.problem}\n  ${finding.fields ?? ""}`,
      );
    if (process.env.FUZZ_REPORT)
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(report, null, 2));
    expect(report.findings, `seed ${SEED}: ${report.findings.length} findings`).toEqual([]);
  }, 3_600_000);
});
