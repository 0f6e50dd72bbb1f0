"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { formKey } from "@/components/ui/form-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CAMPAIGN_LEADER_ROLES } from "@/lib/schemas/campaign";
import { addCampaignLeaderAction } from "@/server/actions/campaigns/add-campaign-leader-action";
import { removeCampaignLeaderAction } from "@/server/actions/campaigns/remove-campaign-leader-action";

/** Adds a member of the roster (by number) to the leadership group with a role. */
export function AddLeaderForm({ campaignId }: { campaignId: string }) {
  const t = useTranslations("campaigns");
  const [state, action] = useActionState(addCampaignLeaderAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const v = failed?.values ?? {};
  const e = failed?.fieldErrors;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="add-leader-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h3 id="add-leader-h" className="font-medium">
        {t("leaderForm.title")}
      </h3>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="memberNumber"
          label={t("leaderForm.memberNumber")}
          hint={t("leaderForm.memberNumberHint")}
          errors={e?.memberNumber}
        >
          {(p) => (
            <input
              {...p}
              name="memberNumber"
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={v.memberNumber ?? ""}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="role" label={t("leaderForm.role")} errors={e?.role}>
          {(p) => (
            <select {...p} name="role" defaultValue={v.role ?? "MEMBER"} className={inputClass}>
              {CAMPAIGN_LEADER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`leaderRole.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("leaderForm.adding")}>{t("leaderForm.add")}</SubmitButton>
      </div>
    </form>
  );
}

/** Takes one member out of the group, after a confirmation. */
export function RemoveLeaderButton({
  campaignId,
  leaderId,
  name,
}: {
  campaignId: string;
  leaderId: string;
  name: string;
}) {
  const t = useTranslations("campaigns.detail");
  const [state, action] = useActionState(removeCampaignLeaderAction, undefined);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("removeLeaderConfirm", { name }))) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="leaderId" value={leaderId} />
      <SubmitButton className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-3 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
        <span>
          {t("removeLeader")}
          <span className="sr-only">：{name}</span>
        </span>
      </SubmitButton>
      {state?.ok === false ? <FormMessage state={state} /> : null}
    </form>
  );
}
