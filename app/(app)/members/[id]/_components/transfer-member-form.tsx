"use client";
import { formKey } from "@/components/ui/form-key";
import { useLocale, useTranslations } from "next-intl";
import { transferMemberAction } from "@/server/actions/members/transfer-member-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MemberOrgOption } from "@/server/data/members/list-member-orgs";
import { orgOptionLabel } from "../../_components/member-fields";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = {
  memberId: string;
  version: number;
  currentOrgName: string;
  targets: MemberOrgOption[];
  today: string;
};

export function TransferMemberForm({ memberId, version, currentOrgName, targets, today }: Props) {
  const t = useTranslations("members.transfer");
  const tm = useTranslations("members");
  const locale = useLocale();
  const { state, action, values: v, errors: e } = useActionForm(transferMemberAction);
  const message = state?.ok ? { ok: true as const, message: t("done") } : state;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="transfer-h"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="transfer-h" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <p className="text-sm text-stone-700">{t("current", { org: currentOrgName })}</p>
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="version" value={version} />
      {targets.length === 0 ? (
        <p className="text-sm text-stone-600">{t("noTargets")}</p>
      ) : (
        <>
          <Field name="toOrgId" label={t("toOrg")} errors={e?.toOrgId}>
            {(p) => (
              <select
                {...p}
                name="toOrgId"
                required
                defaultValue={v?.toOrgId ?? ""}
                className={inputClass}
              >
                <option value="">{tm("choose")}</option>
                {targets.map((o) => (
                  <option key={o.id} value={o.id}>
                    {orgOptionLabel(o, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="effectiveDate"
            label={t("effectiveDate")}
            hint={t("effectiveHint")}
            errors={e?.effectiveDate}
          >
            {(p) => (
              <input
                {...p}
                type="date"
                name="effectiveDate"
                required
                max={today}
                defaultValue={v?.effectiveDate ?? today}
                className={inputClass}
              />
            )}
          </Field>
          <Field name="reason" label={t("reason")} hint={t("reasonHint")} errors={e?.reason}>
            {(p) => (
              <input
                {...p}
                name="reason"
                maxLength={200}
                defaultValue={v?.reason ?? ""}
                className={inputClass}
              />
            )}
          </Field>
          <FormMessage state={message} />
          <div>
            <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}
