"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { answerOpinionAction } from "@/server/actions/opinions/answer-opinion-action";
import { closeRoundAction } from "@/server/actions/opinions/close-round-action";
import { createRoundAction, type RoundLink } from "@/server/actions/opinions/create-round-action";
import { rotateRoundLinkAction } from "@/server/actions/opinions/rotate-round-link-action";
import { updateRectificationAction } from "@/server/actions/opinions/update-rectification-action";
import { EVIDENCE_ACCEPT, fileInputClass } from "../../tasks/_components/task-forms";

const box = "grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3";

/** The public link and its QR code, shown once after creating or rotating it. */
function LinkCard({ state }: { state: ActionResult<RoundLink> | undefined }) {
  const t = useTranslations("opinions");
  if (!state?.ok || !state.data) return null;
  const { url, qrSvg, id } = state.data;
  return (
    <section
      aria-label={t("publicLink")}
      className="grid gap-2 rounded-md border border-green-200 bg-white p-3"
    >
      <p className="text-sm font-medium">{t("publicLink")}</p>
      <p className="text-xs text-stone-600">{t("publicLinkHint")}</p>
      <input
        readOnly
        value={url}
        aria-label={t("publicLink")}
        className={inputClass}
        data-testid="public-link"
      />
      <figure className="w-48">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL of an SVG generated on the server */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
          alt={t("qrLabel")}
          width={192}
          height={192}
        />
      </figure>
      <Link href={`/opinions/${id}`} className="text-sm text-red-900 underline underline-offset-2">
        {t("openRound")}
      </Link>
    </section>
  );
}

type CampaignOption = {
  id: string;
  name: string;
  manualItems: { id: string; label: string; maxPoints: number }[];
};

export function NewRoundForm({
  orgs,
  campaigns,
}: {
  orgs: { id: string; name: string; depth: number }[];
  campaigns: CampaignOption[];
}) {
  const t = useTranslations("opinions");
  const [state, action] = useActionState(createRoundAction, undefined);
  const [kind, setKind] = useState("OPINION");
  const [campaignId, setCampaignId] = useState("");
  const v = state?.ok === false ? state.values : undefined;
  const e = state?.ok === false ? state.fieldErrors : undefined;
  const items = campaigns.find((c) => c.id === campaignId)?.manualItems ?? [];
  const minDepth = Math.min(...orgs.map((o) => o.depth));
  return (
    <div className="grid gap-3">
      <LinkCard state={state} />
      <form
        key={formKey(state)}
        action={action}
        noValidate
        aria-label={t("newRound")}
        className={box}
      >
        <h2 className="text-lg font-semibold">{t("newRound")}</h2>
        <Field name="kind" label={t("field.kind")} errors={e?.kind}>
          {(p) => (
            <select
              {...p}
              name="kind"
              defaultValue={v?.kind ?? kind}
              onChange={(ev) => setKind(ev.currentTarget.value)}
              className={inputClass}
            >
              <option value="OPINION">{t("kind.OPINION")}</option>
              <option value="EVALUATION">{t("kind.EVALUATION")}</option>
            </select>
          )}
        </Field>
        <Field name="orgId" label={t("field.org")} errors={e?.orgId}>
          {(p) => (
            <select
              {...p}
              name="orgId"
              defaultValue={v?.orgId ?? orgs[0]?.id ?? ""}
              className={inputClass}
            >
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {"\u3000".repeat(Math.max(0, o.depth - minDepth))}
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={t("field.title")} errors={e?.title}>
          {(p) => (
            <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />
          )}
        </Field>
        <Field name="description" label={t("field.description")} errors={e?.description}>
          {(p) => (
            <textarea
              {...p}
              name="description"
              rows={3}
              defaultValue={v?.description ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="opensOn" label={t("field.opensOn")} errors={e?.opensOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="opensOn"
              defaultValue={v?.opensOn ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="closesOn" label={t("field.closesOn")} errors={e?.closesOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="closesOn"
              defaultValue={v?.closesOn ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="campaignId" label={t("field.campaign")} errors={e?.campaignId}>
          {(p) => (
            <select
              {...p}
              name="campaignId"
              defaultValue={v?.campaignId ?? ""}
              onChange={(ev) => setCampaignId(ev.currentTarget.value)}
              className={inputClass}
            >
              <option value="">{t("field.none")}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === "EVALUATION" ? (
          <Field
            name="ratingItemId"
            label={t("field.ratingItem")}
            hint={t("field.ratingItemHint")}
            errors={e?.ratingItemId}
          >
            {(p) => (
              <select
                {...p}
                name="ratingItemId"
                defaultValue={v?.ratingItemId ?? ""}
                className={inputClass}
              >
                <option value="">{t("field.none")}</option>
                {items.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}（{m.maxPoints}）
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <FormMessage state={state?.ok ? undefined : state} />
        <div>
          <SubmitButton pendingText={t("saving")}>{t("newRound")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

export function RoundManageForms({
  roundId,
  version,
  open,
}: {
  roundId: string;
  version: number;
  open: boolean;
}) {
  const t = useTranslations("opinions");
  const [rotated, rotate] = useActionState(rotateRoundLinkAction, undefined);
  const [closed, close] = useActionState(closeRoundAction, undefined);
  return (
    <div className="grid gap-3">
      <LinkCard state={rotated} />
      <div className="flex flex-wrap gap-3">
        {open ? (
          <form action={rotate} aria-label={t("rotateLink")} className="grid gap-1">
            <input type="hidden" name="roundId" value={roundId} />
            <SubmitButton pendingText={t("saving")}>{t("rotateLink")}</SubmitButton>
            <p className="text-xs text-stone-600">{t("rotateHint")}</p>
          </form>
        ) : null}
        {open ? (
          <form action={close} aria-label={t("close")} className="grid gap-1">
            <input type="hidden" name="roundId" value={roundId} />
            <input type="hidden" name="version" value={version} />
            <SubmitButton pendingText={t("saving")}>{t("close")}</SubmitButton>
            <p className="text-xs text-stone-600">{t("closeHint")}</p>
          </form>
        ) : null}
      </div>
      {rotated && !rotated.ok ? <FormMessage state={rotated} /> : null}
      <FormMessage state={closed} />
    </div>
  );
}

export function AnswerForm({
  opinionId,
  version,
  answer,
}: {
  opinionId: string;
  version: number;
  answer: string | null;
}) {
  const t = useTranslations("opinions");
  const [state, action] = useActionState(answerOpinionAction, undefined);
  const e = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <form action={action} noValidate aria-label={t("answerSubmit")} className="grid gap-2">
      <input type="hidden" name="opinionId" value={opinionId} />
      <input type="hidden" name="version" value={version} />
      <Field name={`answer-${opinionId}`} label={t("answer")} errors={e?.answer}>
        {(p) => (
          <textarea
            {...p}
            name="answer"
            rows={3}
            defaultValue={v?.answer ?? answer ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="rectification" value="OPEN" className="h-4 w-4" />
        {t("needsRectification")}
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("answerSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

export function RectificationForm({
  opinionId,
  version,
  status,
}: {
  opinionId: string;
  version: number;
  status: string;
}) {
  const t = useTranslations("opinions");
  const [state, action] = useActionState(updateRectificationAction, undefined);
  const e = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("rectifySubmit")}
      className="grid gap-2"
    >
      <input type="hidden" name="opinionId" value={opinionId} />
      <input type="hidden" name="version" value={version} />
      <Field name={`status-${opinionId}`} label={t("rectifyStatus")} errors={e?.status}>
        {(p) => (
          <select
            {...p}
            name="status"
            defaultValue={v?.status ?? (status === "NONE" ? "OPEN" : status)}
            className={inputClass}
          >
            {(["OPEN", "IN_PROGRESS", "DONE"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`rectification.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name={`note-${opinionId}`} label={t("rectifyNote")} errors={e?.note}>
        {(p) => (
          <textarea
            {...p}
            name="note"
            rows={2}
            defaultValue={v?.note ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`files-${opinionId}`} label={t("rectifyFiles")} errors={e?.files}>
        {(p) => (
          <input
            {...p}
            type="file"
            name="files"
            multiple
            accept={EVIDENCE_ACCEPT}
            className={fileInputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("rectifySubmit")}</SubmitButton>
      </div>
    </form>
  );
}
