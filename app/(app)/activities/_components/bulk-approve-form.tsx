"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { bulkApproveActivitiesAction } from "@/server/actions/activities/bulk-approve-activities-action";

export type QueueRow = {
  id: string;
  version: number;
  topic: string;
  /** Type, date and organization, already formatted. */
  summary: string;
  /** Who recorded or reported it, and the attendance and evidence counts, already formatted. */
  detail: string;
};

/**
 * The review queue: one check box per record and one button. Each record is approved on its
 * own (and audited on its own); a record that changed meanwhile is reported beside its row.
 * An empty queue shows `empty` (and the outcome of the approval that emptied it).
 */
export function BulkApproveForm({ rows, empty }: { rows: QueueRow[]; empty: React.ReactNode }) {
  const t = useTranslations("activities.review");
  const [state, action] = useActionState(bulkApproveActivitiesAction, undefined);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rowErrors: Record<string, string> = {};
  if (state?.ok === false) {
    for (const [key, messages] of Object.entries(state.fieldErrors ?? {}))
      if (key.startsWith("item.")) rowErrors[key.slice(5)] = messages.join("；");
  } else if (state?.ok && state.data) {
    for (const f of state.data.failed) rowErrors[f.id] = f.message;
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const selectedCount = rows.filter((r) => selected.has(r.id)).length;
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  if (rows.length === 0)
    return (
      <div className="grid gap-3">
        <FormMessage state={state} />
        {empty}
      </div>
    );
  return (
    <form action={action} className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-3">
        <label className="flex min-h-11 items-center gap-2 text-sm text-stone-800">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={(e) =>
              setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())
            }
            className="size-5 accent-red-800"
          />
          {t("selectAll")}
        </label>
        <span className="text-sm text-stone-700" aria-live="polite">
          {t("selectedCount", { count: selectedCount })}
        </span>
        <SubmitButton pendingText={t("approving")}>{t("approveSelected")}</SubmitButton>
      </div>
      <FormMessage state={state} />
      <ul className="grid gap-2" aria-label={t("caption")}>
        {rows.map((r) => (
          <li
            key={r.id}
            className="flex items-start gap-3 rounded-lg border border-stone-200 bg-white p-3"
          >
            <input
              type="checkbox"
              name="item"
              value={`${r.id}:${r.version}`}
              checked={selected.has(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
              aria-label={t("selectLabel", { topic: r.topic })}
              className="mt-3 size-5 shrink-0 accent-red-800"
            />
            <div className="min-w-0 flex-1">
              <Link
                href={`/activities/${r.id}`}
                className="inline-flex min-h-11 items-center font-medium text-red-900 underline-offset-2 hover:underline"
              >
                {r.topic}
              </Link>
              <p className="text-sm text-stone-700">{r.summary}</p>
              <p className="text-sm text-stone-600">{r.detail}</p>
              {rowErrors[r.id] ? (
                <p role="alert" className="text-sm text-red-700">
                  {rowErrors[r.id]}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
