/**
 * Hostile input into every field of every server action's form.
 *
 * For each action case of the isolation harness, the case's own valid form is sent by a user who
 * may submit it, with one field replaced by a value of the hostile corpus (tests/fuzz). Whatever
 * comes back:
 *   - the action returns an ActionResult (nothing thrown: no 500);
 *   - a refusal carries a message, and no row of any tenant changed (nothing half-written);
 *   - an acceptance stored the value as sent or as documented (trimmed, line breaks as "\n",
 *     NFKC where a field says so), never interpreted, and never a control character or bidi
 *     override outside the policy of src/lib/schemas/text.ts; the other tenant is untouched.
 *
 * The sample in `npm test` gives every field the values most likely to hurt plus a rotating
 * share of the rest (see corpusFor; HOSTILE_PER_FIELD, default 1); HOSTILE_ALL=1 sends the whole
 * corpus into every field.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { form } from "../../setup/action-context";
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
  FORBIDDEN_MULTI_LINE,
  FORBIDDEN_SINGLE_LINE,
  HOSTILE_CORPUS,
  storedForms,
  type HostileValue,
} from "../../fuzz/hostile-corpus";
import { changedTables, closeChecksums, tenantChecksums } from "../../fuzz/tenant-checksums";

vi.mock("next/headers", async () => (await import("../../setup/action-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../../setup/action-context")).nextCacheMock);

const PER_FIELD = Number(process.env.HOSTILE_PER_FIELD ?? 1);
const ALL = process.env.HOSTILE_ALL === "1";

/** Sent to every field: the values most likely to get through or to break something. */
const ALWAYS = new Set(["right-to-left override", "NUL inside", "100k CJK characters"]);

/**
 * Form fields whose value is, by design, not stored as typed: secrets (hashed), one-time keys,
 * switches, and structured input the action parses (JSON, repeated ids, version numbers).
 */
const NOT_STORED = new Set([
  "password",
  "current",
  "next",
  "confirm",
  "idempotencyKey",
  "intent",
  "version",
  "json",
  "ratingJson",
  "disabled",
  "isActive",
  "campaignsChosen",
]);

/** Multi-line fields (textareas): tab and line breaks allowed (src/lib/schemas/text.ts). */
const MULTI_LINE =
  /^(description|content|summary|text|comment|closingNote|note|reason|itemText|body|minutes|notes|resolution|progress|details)$/i;

const ROLE_ORDER = ["admin", "secretary", "member", "collegeAdmin", "leader", "inspector"];

let tenants: [TenantFixture, TenantFixture];
let admin: pg.Client;
/** id → table, for tables with a version column (to send the current version). */
const versioned = new Map<string, string>();

beforeAll(async () => {
  tenants = await createFuzzTenants();
  admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
}, 120_000);

afterAll(async () => {
  await admin.end();
  await closeChecksums();
});

async function indexVersionedRows(): Promise<void> {
  const { rows: tables } = await admin.query<{ table_name: string }>(
    `SELECT c1.table_name FROM information_schema.columns c1
       JOIN information_schema.columns c2 USING (table_schema, table_name)
      WHERE c1.table_schema = 'public' AND c1.column_name = 'id' AND c2.column_name = 'version'`,
  );
  for (const { table_name: t } of tables) {
    const { rows } = await admin.query<{ id: string }>(`SELECT id::text AS id FROM "${t}"`);
    for (const row of rows) versioned.set(row.id, t);
  }
}

/** The form with unique fields made unique again and the version set to the row's current one. */
async function freshen(fields: Fields, except: string, n: number): Promise<Fields> {
  const out: Fields = { ...fields };
  for (const key of ["number", "code", "username", "quotaId"]) {
    if (key !== except && typeof out[key] === "string") out[key] = `${out[key] as string}-${n}`;
  }
  if (except !== "idempotencyKey" && typeof out.idempotencyKey === "string")
    out.idempotencyKey = randomUUID();
  if (except !== "version" && out.version !== undefined) {
    for (const key of ["id", "campaignId", "memberId"]) {
      const id = out[key];
      const table = typeof id === "string" ? versioned.get(id) : undefined;
      if (!table) continue;
      const { rows } = await admin.query<{ version: number }>(
        `SELECT version FROM "${table}" WHERE id::text = $1`,
        [id],
      );
      if (rows[0]) out.version = rows[0].version;
      break;
    }
  }
  return out;
}

type Result =
  { kind: "refused"; message: string } | { kind: "accepted" } | { kind: "threw"; error: string };

async function send(testCase: ActionCase, fields: Fields): Promise<Result> {
  try {
    const result = (await testCase.run(form(fields))) as {
      ok?: boolean;
      message?: string;
      data?: { status?: string };
    };
    if (result?.ok === false) return { kind: "refused", message: result.message ?? "" };
    if (result?.ok === true && result.data?.status === "rejected")
      return { kind: "refused", message: result.message || "import report: rejected" };
    return { kind: "accepted" };
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return { kind: "accepted" };
    return {
      kind: "threw",
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

/** Every string inside the tenant's rows of the given tables (JSON columns searched too). */
async function storedStrings(tenantId: string, tables: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const t of tables) {
    if (t === "AuditEvent") continue;
    const { rows } = await admin.query<{ r: unknown }>(
      `SELECT row_to_json(x) AS r FROM "${t}" x WHERE "tenantId"::text = $1`,
      [tenantId],
    );
    rows.forEach((row) => walk(row.r));
  }
  return out;
}

/** A field people type words into (not an id, date, number, code or switch). */
function isFreeText(field: string, value: unknown): boolean {
  if (typeof value !== "string" || NOT_STORED.has(field)) return false;
  return (
    /[^\x00-\x7f]/.test(value) ||
    MULTI_LINE.test(field) ||
    /name|title|topic|place|theme|unit|ref/i.test(field)
  );
}

/**
 * The corpus values a field gets: the whole corpus with HOSTILE_ALL=1; otherwise free-text
 * fields get the ALWAYS values and PER_FIELD more, other fields one value, both rotating
 * through the corpus so that every value reaches every kind of field across the run.
 */
function corpusFor(free: boolean, index: number): HostileValue[] {
  if (ALL) return HOSTILE_CORPUS;
  const always = HOSTILE_CORPUS.filter((v) => ALWAYS.has(v.name));
  const rest = HOSTILE_CORPUS.filter((v) => !ALWAYS.has(v.name));
  const count = free ? PER_FIELD : 1;
  const rotating = Array.from(
    { length: count },
    (_, i) => rest[(index * count + i) % rest.length]!,
  );
  return free ? [...always, ...rotating] : rotating;
}

type Finding = { action: string; field: string; value: string; problem: string };

describe("hostile input into every field of every server action", () => {
  it("is refused with a message and nothing written, or stored as sent", async () => {
    const [a, b] = tenants;
    await createLazyCaseRows(tenants);
    await indexVersionedRows();
    const findings: Finding[] = [];
    const tally = { calls: 0, refused: 0, accepted: 0, threw: 0 };
    let n = 0;
    let pairIndex = 0;
    const started = Date.now();
    await openFuzzSessions([a, b]);
    let before = await tenantChecksums();

    for (const testCase of ACTION_CASES) {
      // The role that can send the case's own form (the first that is not refused for lack of
      // permission); the admin when none can (the values then meet the permission check first).
      const own = testCase.own(a);
      let role = "admin";
      for (const candidate of ROLE_ORDER) {
        await signInFuzz(a.tenantId, a.users[candidate]!);
        const probe = await send(testCase, await freshen(own, "", ++n));
        before = await tenantChecksums();
        if (
          probe.kind === "accepted" ||
          (probe.kind === "refused" && !/权限|无权|未关联党员|不在您的管理范围/.test(probe.message))
        ) {
          role = candidate;
          break;
        }
      }
      await signInFuzz(a.tenantId, a.users[role]!);

      for (const field of Object.keys(own)) {
        for (const hostile of corpusFor(isFreeText(field, own[field]), pairIndex++)) {
          const fields = await freshen(own, field, ++n);
          fields[field] =
            Array.isArray(own[field]) && typeof hostile.value === "string"
              ? [hostile.value]
              : hostile.value;
          const result = await send(testCase, fields);
          const after = await tenantChecksums();
          const changedA = changedTables(before, after, a.tenantId);
          const changedB = changedTables(before, after, b.tenantId);
          before = after;
          tally.calls++;
          tally[result.kind]++;
          const report = (problem: string) =>
            findings.push({
              action: `${testCase.name} (${role})`,
              field,
              value: hostile.name,
              problem,
            });
          if (changedB.length) report(`other tenant changed: ${changedB.join(", ")}`);
          if (result.kind === "threw") {
            report(`threw ${result.error.split("\n").slice(0, 3).join(" | ").slice(0, 400)}`);
            continue;
          }
          if (result.kind === "refused") {
            if (!result.message.trim()) report("refused without a message");
            if (changedA.length) report(`refused, yet rows changed: ${changedA.join(", ")}`);
            continue;
          }
          // Accepted.
          if (typeof hostile.value !== "string") {
            report("accepted a file where text was expected");
            continue;
          }
          if (NOT_STORED.has(field)) continue;
          const value = hostile.value;
          // Documented: a blank optional field means "not given" (null), not a stored blank.
          if (value.trim() === "") continue;
          const multiLine = MULTI_LINE.test(field);
          if (
            (multiLine ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).test(
              value.replace(/\r\n?/g, "\n"),
            )
          ) {
            report(
              `accepted a ${multiLine ? "multi" : "single"}-line value with control/bidi characters`,
            );
            continue;
          }
          const stored = await storedStrings(a.tenantId, changedA);
          const forms = storedForms(value);
          const found = stored.some((s) =>
            forms.some((f) => s === f || (f.length >= 3 && s.includes(f))),
          );
          if (!found && forms.length)
            report(
              `accepted, but the value is not stored as sent (changed: ${changedA.join(", ") || "nothing"})`,
            );
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `hostile input: ${JSON.stringify(tally)} in ${seconds} s, ${findings.length} findings`,
    );
    for (const f of findings) console.log(`${f.action} · ${f.field} · ${f.value}: ${f.problem}`);
    expect(findings).toEqual([]);
  }, 1_800_000);
});
