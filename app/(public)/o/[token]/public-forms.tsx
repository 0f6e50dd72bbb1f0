"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

type Option = { id: string; name: string; depth: number };
type Reply = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  receipt?: string;
};

const buttonClass =
  "inline-flex min-h-11 w-full items-center justify-center rounded-md bg-red-800 px-4 py-2 text-base font-medium text-white hover:bg-red-900 disabled:opacity-60 sm:w-auto";

async function postJson(url: string, body: unknown): Promise<Reply & Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) return { ok: false };
  return (await response.json()) as Reply & Record<string, unknown>;
}

/** The visitor's form: an opinion (category, organization, text) or rated questions + comment. */
export function PublicOpinionForm({
  token,
  kind,
  orgs,
  categories,
  questions,
}: {
  token: string;
  kind: "OPINION" | "EVALUATION";
  orgs: Option[];
  categories: { id: string; label: string }[];
  questions: { id: string; label: string }[];
}) {
  const t = useTranslations("opinions.public");
  const [pending, setPending] = useState(false);
  const [reply, setReply] = useState<Reply | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [formKey, setFormKey] = useState(0);
  const e = reply?.ok === false ? reply.fieldErrors : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const scores: Record<string, number> = {};
    for (const q of questions) {
      const v = data.get(`score-${q.id}`);
      if (typeof v === "string") scores[q.id] = Number(v);
    }
    setPending(true);
    try {
      setReply(
        await postJson(`/api/o/${encodeURIComponent(token)}`, {
          orgId: data.get("orgId") ?? undefined,
          category: data.get("category") ?? undefined,
          body: data.get("body") ?? "",
          anonymous,
          authorName: anonymous ? undefined : data.get("authorName"),
          authorContact: anonymous ? undefined : data.get("authorContact"),
          scores: kind === "EVALUATION" ? scores : undefined,
        }),
      );
    } catch {
      setReply({ ok: false });
    } finally {
      setPending(false);
    }
  }

  if (reply?.ok && reply.receipt) {
    return (
      <section
        aria-labelledby="thanks"
        className="grid gap-2 rounded-md border border-green-200 bg-green-50 p-4"
      >
        <h2 id="thanks" className="text-lg font-semibold text-green-900">
          {kind === "EVALUATION" ? t("thanksEvaluation") : t("thanks")}
        </h2>
        {kind === "OPINION" ? (
          <>
            <p className="text-base text-green-900">
              {t("receipt", { code: reply.receipt.replace(/(.{4})(?=.)/g, "$1-") })}
            </p>
            <p className="text-sm text-green-900">{t("receiptHint")}</p>
            <button
              type="button"
              className="justify-self-start text-sm text-red-900 underline underline-offset-2"
              onClick={() => {
                setReply(null);
                setFormKey((k) => k + 1);
              }}
            >
              {t("another")}
            </button>
          </>
        ) : null}
      </section>
    );
  }

  return (
    <form
      key={formKey}
      onSubmit={submit}
      noValidate
      aria-label={t("submit")}
      className="grid gap-3"
    >
      {kind === "OPINION" ? (
        <>
          {orgs.length > 1 ? (
            <Field name="orgId" label={t("orgConcerned")} errors={e?.orgId}>
              {(p) => (
                <select {...p} name="orgId" defaultValue={orgs[0]?.id} className={inputClass}>
                  {orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {"\u3000".repeat(Math.max(0, o.depth - (orgs[0]?.depth ?? 0)))}
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field name="category" label={t("category")} errors={e?.category}>
            {(p) => (
              <select {...p} name="category" defaultValue="OTHER" className={inputClass}>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : (
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm text-stone-700">{t("scoreLegend")}</legend>
          {questions.map((q) => {
            const errors = e?.[`scores.${q.id}`];
            return (
              <fieldset
                key={q.id}
                aria-describedby={errors ? `score-${q.id}-error` : undefined}
                className="rounded-md border border-stone-200 bg-white p-3"
              >
                <legend className="px-1 text-sm font-medium text-stone-800">{q.label}</legend>
                <div className="flex flex-wrap gap-2">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label
                      key={n}
                      className="inline-flex min-h-11 min-w-11 cursor-pointer items-center gap-1 rounded-md border border-stone-300 px-3 has-[:checked]:border-red-800 has-[:checked]:bg-red-50"
                    >
                      <input type="radio" name={`score-${q.id}`} value={n} className="h-4 w-4" />
                      <span>{t("scoreOption", { n })}</span>
                    </label>
                  ))}
                </div>
                <p id={`score-${q.id}-error`} className="text-sm text-red-700" aria-live="polite">
                  {errors?.join("；")}
                </p>
              </fieldset>
            );
          })}
        </fieldset>
      )}
      <Field
        name="body"
        label={kind === "OPINION" ? t("body") : t("comment")}
        hint={t("bodyHint")}
        errors={e?.body}
      >
        {(p) => <textarea {...p} name="body" rows={6} maxLength={2000} className={inputClass} />}
      </Field>
      <div className="grid gap-1">
        <label className="inline-flex min-h-11 items-center gap-2 text-base text-stone-800">
          <input
            type="checkbox"
            name="anonymous"
            checked={anonymous}
            onChange={(ev) => setAnonymous(ev.currentTarget.checked)}
            className="h-5 w-5"
            aria-describedby="anonymous-hint"
          />
          {t("anonymous")}
        </label>
        <p id="anonymous-hint" className="text-xs text-stone-600">
          {t("anonymousHint")}
        </p>
      </div>
      {anonymous ? null : (
        <>
          <Field name="authorName" label={t("name")} errors={e?.authorName}>
            {(p) => <input {...p} name="authorName" autoComplete="name" className={inputClass} />}
          </Field>
          <Field name="authorContact" label={t("contact")} errors={e?.authorContact}>
            {(p) => <input {...p} name="authorContact" autoComplete="tel" className={inputClass} />}
          </Field>
        </>
      )}
      <div aria-live="polite" role="status" className="min-h-6">
        {reply && !reply.ok ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {reply.message ?? t("error")}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

type Found = {
  body: string;
  answer: string | null;
  answeredAt: string | null;
  rectification: "NONE" | "OPEN" | "IN_PROGRESS" | "DONE";
  rectificationNote: string | null;
};

/** Reads the answer to one's own opinion by its receipt code. */
export function ReceiptLookup({ token }: { token: string }) {
  const t = useTranslations("opinions");
  const [result, setResult] = useState<Found | null | "none">(null);
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = new FormData(event.currentTarget).get("code");
    setPending(true);
    try {
      const reply = await postJson(`/api/o/${encodeURIComponent(token)}/receipt`, { code });
      setResult(reply.ok ? (reply.opinion as Found) : "none");
    } finally {
      setPending(false);
    }
  }
  return (
    <details className="rounded-md border border-stone-200 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-base text-red-900">
        {t("public.lookup")}
      </summary>
      <form onSubmit={submit} className="mt-2 grid gap-2" aria-label={t("public.lookup")}>
        <Field name="code" label={t("public.lookupCode")}>
          {(p) => <input {...p} name="code" autoComplete="off" className={inputClass} />}
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("public.lookupSubmit")}
        </button>
      </form>
      <div aria-live="polite" className="mt-2">
        {result === "none" ? (
          <p className="text-sm text-stone-700">{t("public.lookupNone")}</p>
        ) : result ? (
          <div className="grid gap-2 text-sm">
            <p className="font-medium">{t("public.yourOpinion")}</p>
            <p className="whitespace-pre-line rounded bg-stone-50 p-2">{result.body}</p>
            <p className="font-medium">{t("answer")}</p>
            <p className="whitespace-pre-line">{result.answer ?? t("public.notAnswered")}</p>
            <p>
              {t("rectifyStatus")}：{t(`rectification.${result.rectification}`)}
            </p>
            {result.rectificationNote ? (
              <p className="whitespace-pre-line">{result.rectificationNote}</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}
