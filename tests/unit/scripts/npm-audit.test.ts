import { describe, expect, it } from "vitest";
import { auditFindings } from "../../../scripts/npm-audit";

describe("npm audit report", () => {
  it("counts high and critical findings of a report", () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {},
      metadata: {
        vulnerabilities: { info: 0, low: 2, moderate: 1, high: 1, critical: 0, total: 4 },
      },
    };
    expect(auditFindings(JSON.stringify(report))).toEqual({ high: 1, critical: 0 });
  });

  it("reads an unreachable advisory service as no report, not as a clean one", () => {
    const failure = {
      message:
        "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    };
    expect(auditFindings(JSON.stringify(failure))).toBeNull();
    expect(auditFindings("")).toBeNull();
    expect(auditFindings("npm error network")).toBeNull();
  });
});
