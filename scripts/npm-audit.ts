/**
 * `npm audit --audit-level=high` for `npm test` (docs/security.md): a high or critical advisory
 * fails the run; when the registry's advisory service gives no answer, a warning says that the
 * dependencies were not checked and the run goes on.
 */
import { spawnSync } from "node:child_process";

type AuditReport = {
  error?: unknown;
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
};

/** Parses `npm audit --json`; null when the output is not a report (no answer from the service). */
export function auditFindings(stdout: string): { high: number; critical: number } | null {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return null;
  }
  const v = report.metadata?.vulnerabilities;
  if (report.error || !v) return null;
  return { high: v.high ?? 0, critical: v.critical ?? 0 };
}

/** `npm audit --audit-level=high`: fails on high/critical findings, warns when it cannot run. */
export function runNpmAudit(env: NodeJS.ProcessEnv): void {
  if (process.env.SKIP_AUDIT) return;
  console.log("\n▶ npm audit --audit-level=high");
  const result = spawnSync("npm", ["audit", "--json", "--audit-level=high"], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  const findings = auditFindings(result.stdout ?? "");
  if (!findings) {
    let reason = (result.error?.message ?? result.stderr ?? "").trim();
    try {
      reason = (JSON.parse(result.stdout) as AuditReport).message ?? reason;
    } catch {
      // not JSON: keep stderr
    }
    console.warn(
      "  WARNING: npm audit could not get an answer from the registry's advisory service " +
        `(${reason.split("\n")[0] || "no output"}). Dependencies were NOT checked for known ` +
        "vulnerabilities in this run; run `npm audit --audit-level=high` where the registry answers.",
    );
    return;
  }
  if (findings.high + findings.critical > 0) {
    spawnSync("npm", ["audit", "--audit-level=high"], { env, stdio: "inherit" });
    throw new Error(
      `npm audit: ${findings.critical} critical and ${findings.high} high findings; ` +
        "upgrade or override the packages (package.json overrides) before the tests run",
    );
  }
  console.log("  no high or critical findings");
}
