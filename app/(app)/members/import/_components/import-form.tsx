"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { importMembersAction } from "@/server/actions/members/import-members-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LinkButton } from "@/components/ui/link-button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ImportIssue } from "@/server/import/types";

/** A CSV cell, with spreadsheet formulas neutralised: the report echoes header text from the upload. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ImportForm() {
  const t = useTranslations("members.import");
  const [state, action] = useActionState(importMembersAction, undefined);
  const result = state?.ok ? state.data : undefined;
  const failed = state?.ok === false ? state : undefined;

  const place = (issue: ImportIssue) => ({
    row: issue.row === null ? t("wholeFile") : String(issue.row),
    column: issue.column ?? (issue.row === null ? "—" : t("wholeRow")),
  });

  function downloadReport(issues: ImportIssue[]) {
    const lines = [[t("row"), t("reportColumn"), t("reason")].map(csvCell).join(",")];
    for (const issue of issues) {
      const { row, column } = place(issue);
      lines.push([row, column, issue.reason].map(csvCell).join(","));
    }
    // With a BOM, so that Excel and WPS open the Chinese text correctly.
    const blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], {
      type: "text/csv;charset=utf-8",
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = t("reportFileName");
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <Field
          name="file"
          label={t("file")}
          hint={t("fileHint")}
          errors={failed?.fieldErrors?.file}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              name="file"
              required
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={`${inputClass} min-h-11 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-stone-100 file:px-3`}
            />
          )}
        </Field>
        <FormMessage state={failed} />
        <div>
          <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
        </div>
      </form>

      {result?.status === "imported" ? (
        <section
          aria-labelledby="import-done-h"
          role="status"
          className="rounded-lg border border-green-200 bg-green-50 p-4"
        >
          <h2 id="import-done-h" className="font-semibold text-green-900">
            ✓ {t("imported")}
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                [t("created"), result.created],
                [t("updated"), result.updated],
                [t("transferred"), result.transferred],
                [t("unchanged"), result.unchanged],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-md bg-white p-3">
                <dt className="text-xs text-stone-600">{label}</dt>
                <dd className="text-lg font-semibold text-stone-900">{value}</dd>
              </div>
            ))}
          </dl>
          {result.ignoredColumns.length ? (
            <p className="mt-2 text-sm text-stone-700">
              {t("ignored", { columns: result.ignoredColumns.join("、") })}
            </p>
          ) : null}
          <div className="mt-3">
            <LinkButton href="/members" variant="secondary">
              {t("viewRoster")}
            </LinkButton>
          </div>
        </section>
      ) : null}

      {result?.status === "rejected" ? (
        <section aria-labelledby="import-rejected-h" className="grid gap-3">
          <h2
            id="import-rejected-h"
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
          >
            ✗ {t("rejected", { count: result.issueCount })}
          </h2>
          {result.issueCount > result.issues.length ? (
            <p className="text-sm text-stone-700">
              {t("truncated", { shown: result.issues.length, count: result.issueCount })}
            </p>
          ) : null}
          {result.ignoredColumns.length ? (
            <p className="text-sm text-stone-700">
              {t("ignored", { columns: result.ignoredColumns.join("、") })}
            </p>
          ) : null}
          <div>
            <button
              type="button"
              onClick={() => downloadReport(result.issues)}
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50"
            >
              {t("downloadReport")}
            </button>
          </div>
          <div className="max-h-[32rem] overflow-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("reportCaption")}</caption>
              <thead className="sticky top-0 bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t("row")}
                  </th>
                  <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t("reportColumn")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("reason")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {result.issues.map((issue, i) => {
                  const { row, column } = place(issue);
                  return (
                    <tr key={i}>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{row}</td>
                      <td className="whitespace-nowrap px-3 py-2">{column}</td>
                      <td className="px-3 py-2">{issue.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
