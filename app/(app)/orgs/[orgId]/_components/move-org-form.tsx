"use client";
import { formKey } from "@/components/ui/form-key";
import { useTranslations } from "next-intl";
import { moveOrganizationAction } from "@/server/actions/orgs/move-organization-action";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { OrgSelect, type OrgOption } from "../../_components/org-select";
import { useActionForm } from "@/components/ui/use-action-form";

export function MoveOrgForm({
  orgId,
  version,
  parents,
  today,
}: {
  orgId: string;
  version: number;
  parents: OrgOption[];
  today: string;
}) {
  const t = useTranslations("orgs.form");
  const tc = useTranslations("common");
  const { state, action, values: v, errors: e } = useActionForm(moveOrganizationAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="move-org-h"
    >
      <h2 id="move-org-h" className="font-semibold">
        {t("moveTitle")}
      </h2>
      <p className="text-sm text-stone-600">{t("moveHint")}</p>
      <input type="hidden" name="id" value={orgId} />
      <input type="hidden" name="version" value={version} />
      <Field name="newParentId" label={t("newParent")} errors={e?.newParentId}>
        {(p) => (
          <OrgSelect
            fieldProps={p}
            name="newParentId"
            options={parents}
            defaultValue={v?.newParentId}
            placeholder={t("choose")}
          />
        )}
      </Field>
      <Field name="effectiveDate" label={t("effectiveDate")} errors={e?.effectiveDate}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="effectiveDate"
            defaultValue={v?.effectiveDate ?? today}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={tc("actions.saving")}>{t("move")}</SubmitButton>
      </div>
    </form>
  );
}
