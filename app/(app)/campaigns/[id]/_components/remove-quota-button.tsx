"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeQuotaAction } from "@/server/actions/campaigns/remove-quota-action";

/** Deletes one quota of the campaign after a confirmation (version-checked). */
export function RemoveQuotaButton({
  campaignId,
  version,
  quotaId,
  name,
}: {
  campaignId: string;
  version: number;
  quotaId: string;
  name: string;
}) {
  const t = useTranslations("campaigns.detail");
  const [state, action] = useActionState(removeQuotaAction, undefined);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("removeQuotaConfirm", { name }))) event.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="quotaId" value={quotaId} />
      <SubmitButton
        pendingText={t("removing")}
        className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-3 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        <span>
          {t("removeQuota")}
          <span className="sr-only">：{name}</span>
        </span>
      </SubmitButton>
      {state?.ok === false ? <FormMessage state={state} /> : null}
    </form>
  );
}
