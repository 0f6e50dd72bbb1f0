"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { publishRatingsAction } from "@/server/actions/ratings/publish-ratings-action";

/** Publishes the current computation as the next version; from the second version on, a reason is required. */
export function PublishForm({
  campaignId,
  year,
  nextVersion,
}: {
  campaignId: string;
  year: number;
  nextVersion: number;
}) {
  const t = useTranslations("ratings.publish");
  const [state, action] = useActionState(publishRatingsAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const needsReason = nextVersion > 1;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="publish-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="publish-h" className="text-lg font-semibold">
        {t("title", { version: nextVersion })}
      </h2>
      <p className="text-sm text-stone-700">{t("hint")}</p>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="year" value={year} />
      <Field
        name="reason"
        label={needsReason ? t("reasonRequired") : t("reasonOptional")}
        hint={needsReason ? t("reasonHint") : undefined}
        errors={failed?.fieldErrors?.reason}
      >
        {(p) => (
          <textarea
            {...p}
            name="reason"
            rows={3}
            required={needsReason}
            defaultValue={failed?.values?.reason ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("publishing")}>
          {t("submit", { version: nextVersion })}
        </SubmitButton>
      </div>
    </form>
  );
}
