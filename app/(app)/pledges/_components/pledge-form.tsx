"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createPledgeAction } from "@/server/actions/pledges/create-pledge-action";
import { MAX_PLEDGE_ITEMS, PLEDGE_TEXT_MAX } from "@/lib/schemas/pledge";

type Option = { id: string; label: string };
type Row = { key: number; text: string; due: string };

/**
 * Making a pledge public: a title, optionally a campaign, and item rows (each a text and an
 * optional due date). Every field is controlled and the form is submitted from onSubmit rather
 * than through the action prop, so React's automatic form reset (which also resets controlled
 * selects, react#30580) never clears what was typed when the server refuses it. Rows left empty
 * are not submitted; the server's item errors ("items.k.text") are matched to rows by that rule.
 */
export function PledgeForm({
  org,
  campaigns,
  today,
  initialRows = 2,
}: {
  /** Given when pledging for an organization (chosen beforehand); absent: the member pledges for themself. */
  org?: Option;
  campaigns: Option[];
  today: string;
  initialRows?: number;
}) {
  const t = useTranslations("pledges.form");
  const [state, action, pending] = useActionState(createPledgeAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const e = failed?.fieldErrors;
  const [title, setTitle] = useState("");
  const [campaignId, setCampaignId] = useState("");
  const [nextKey, setNextKey] = useState(initialRows);
  const [rows, setRows] = useState<Row[]>(() =>
    Array.from({ length: initialRows }, (_, key) => ({ key, text: "", due: "" })),
  );

  const filled = (row: Row) => row.text.trim() !== "" || row.due.trim() !== "";
  // Index of each filled row among the submitted ones, to find its errors.
  let submitted = 0;
  const submittedIndex = rows.map((row) => (filled(row) ? submitted++ : -1));
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
      noValidate
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      {org ? (
        <p className="text-sm text-stone-800">
          <input type="hidden" name="orgId" value={org.id} />
          {t("orgValue", { org: org.label })}
          {e?.orgId ? <span className="block text-red-700">{e.orgId.join("；")}</span> : null}
        </p>
      ) : null}
      <Field name="title" label={t("title")} hint={t("titleHint")} errors={e?.title}>
        {(p) => (
          <input
            {...p}
            name="title"
            required
            maxLength={100}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      {campaigns.length > 0 ? (
        <Field name="campaignId" label={t("campaign")} errors={e?.campaignId}>
          {(p) => (
            <select
              {...p}
              name="campaignId"
              value={campaignId}
              onChange={(event) => setCampaignId(event.target.value)}
              className={inputClass}
            >
              <option value="">{t("noCampaign")}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      <fieldset className="grid gap-3">
        <legend className="text-sm font-medium text-stone-800">{t("items")}</legend>
        <p className="text-xs text-stone-600">{t("itemsHint")}</p>
        {e?.items ? (
          <p className="text-sm text-red-700" aria-live="polite">
            {e.items.join("；")}
          </p>
        ) : null}
        {rows.map((row, i) => {
          const k = submittedIndex[i]!;
          const textErrors = k >= 0 ? e?.[`items.${k}.text`] : undefined;
          const dueErrors = k >= 0 ? e?.[`items.${k}.dueDate`] : undefined;
          return (
            <div
              key={row.key}
              className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_12rem]"
            >
              <Field
                name={`itemText-${row.key}`}
                label={t("itemText", { n: i + 1 })}
                errors={textErrors}
              >
                {(p) => (
                  <textarea
                    {...p}
                    name={filled(row) ? "itemText" : undefined}
                    rows={2}
                    maxLength={PLEDGE_TEXT_MAX}
                    value={row.text}
                    onChange={(event) => setRow(row.key, { text: event.target.value })}
                    className={inputClass}
                  />
                )}
              </Field>
              <Field
                name={`itemDue-${row.key}`}
                label={t("itemDue", { n: i + 1 })}
                errors={dueErrors}
              >
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    name={filled(row) ? "itemDue" : undefined}
                    min={today}
                    value={row.due}
                    onChange={(event) => setRow(row.key, { due: event.target.value })}
                    className={inputClass}
                  />
                )}
              </Field>
              {rows.length > 1 ? (
                <div className="sm:col-span-2">
                  <button
                    type="button"
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                    className="inline-flex min-h-11 items-center rounded-md px-2 text-sm text-red-900 underline underline-offset-2"
                  >
                    {t("removeItem", { n: i + 1 })}
                  </button>
                </div>
              ) : null}
            </div>
          );
        })}
        {rows.length < MAX_PLEDGE_ITEMS ? (
          <div>
            <button
              type="button"
              onClick={() => {
                setRows((current) => [...current, { key: nextKey, text: "", due: "" }]);
                setNextKey((k) => k + 1);
              }}
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-50"
            >
              {t("addItem")}
            </button>
          </div>
        ) : null}
      </fieldset>

      <FormMessage state={failed} />
      <div>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="inline-flex min-h-11 items-center justify-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
