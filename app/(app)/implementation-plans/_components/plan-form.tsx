"use client";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { filePlanAction } from "@/server/actions/implementation-plans/file-plan-action";
import { EVIDENCE_ACCEPT, fileInputClass } from "../../tasks/_components/task-forms";
import { useActionForm } from "@/components/ui/use-action-form";

type Option = { id: string; name: string };

export function FilePlanForm({ campaignId, orgs }: { campaignId: string; orgs: Option[] }) {
  const t = useTranslations("projects.plans");
  const { state, action, values: v, errors: e } = useActionForm(filePlanAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("file")}
      className="grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <Field name="plan-orgId" label={t("org")} errors={e?.orgId}>
        {(p) => (
          <select {...p} name="orgId" defaultValue={v?.orgId ?? orgs[0]?.id} className={inputClass}>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="plan-summary" label={t("summary")} errors={e?.summary}>
        {(p) => (
          <textarea
            {...p}
            name="summary"
            rows={5}
            defaultValue={v?.summary ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="plan-files" label={t("files")} errors={e?.files}>
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
        <SubmitButton pendingText={t("saving")}>{t("file")}</SubmitButton>
      </div>
    </form>
  );
}
