/**
 * The full access-fuzzing run: `npx tsx scripts/fuzz-access.ts --calls 10000 --seed 42`.
 *
 * Runs tests/integration/fuzz/access-fuzz.test.ts (the same generator and checks as the sample in
 * `npm test`) with the given number of calls and seed, on a throwaway PostgreSQL cluster that the
 * integration project starts, and prints the summary: calls, refusals by kind, duration, findings.
 * The same seed and count replay the same calls. --report <file> keeps the JSON summary.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const calls = Number(flag("calls", "10000"));
const seed = Number(flag("seed", String(Date.now() % 2 ** 31)));
const report = flag("report", path.join(mkdtempSync(path.join(tmpdir(), "fuzz-")), "report.json"));
if (!Number.isInteger(calls) || calls <= 0) throw new Error("--calls must be a positive integer");
if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");

console.log(`access fuzz: ${calls} calls, seed ${seed} (replay: --calls ${calls} --seed ${seed})`);
const started = Date.now();
const result = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "--project",
    "integration",
    "tests/integration/fuzz/access-fuzz.test.ts",
    "--testTimeout",
    String(6 * 3_600_000),
  ],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      FUZZ_CALLS: String(calls),
      FUZZ_SEED: String(seed),
      FUZZ_REPORT: report,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
try {
  const summary = JSON.parse(readFileSync(report, "utf8")) as {
    findings: unknown[];
    durationMs: number;
  };
  console.log(
    `\n${calls} calls, seed ${seed}: ${summary.findings.length} findings; ` +
      `fuzz loop ${(summary.durationMs / 1000).toFixed(0)} s, whole run ${seconds} s. Report: ${report}`,
  );
} catch {
  console.log(`no report written (the run failed before the end); whole run ${seconds} s`);
}
process.exit(result.status ?? 1);
