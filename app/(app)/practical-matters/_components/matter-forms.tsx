"use client";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createMattersListAction } from "@/server/actions/practical-matters/create-matters-list-action";
import { addMatterAction } from "@/server/actions/practical-matters/add-matter-action";
import { closeMatterAction } from "@/server/actions/practical-matters/close-matter-action";
import { EVIDENCE_ACCEPT, fileInputClass } from "../../tasks/_components/task-forms";
import { useActionForm } from "@/components/ui/use-action-form";

type Option = { id: string; name: string };

export function NewListForm({ campaigns }: { campaigns: Option[] }) {
  const t = useTranslations("tasks");
  const { state, action, values: v, errors: e } = useActionForm(createMattersListAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("newList")}
      className="grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <Field name="campaignId" label={t("campaign")} errors={e?.campaignId}>
        {(p) => (
          <select
            {...p}
            name="campaignId"
            defaultValue={v?.campaignId ?? campaigns[0]?.id ?? ""}
            className={inputClass}
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="title" label={t("listTitle")} errors={e?.title}>
        {(p) => <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="periodStart" label={t("periodStart")} errors={e?.periodStart}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="periodStart"
            defaultValue={v?.periodStart ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="periodEnd" label={t("periodEnd")} errors={e?.periodEnd}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="periodEnd"
            defaultValue={v?.periodEnd ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("newList")}</SubmitButton>
      </div>
    </form>
  );
}

export function AddMatterForm({
  listId,
  departments,
  orgs,
}: {
  listId: string;
  departments: Option[];
  orgs: Option[];
}) {
  const t = useTranslations("tasks");
  const { state, action, values: v, errors: e } = useActionForm(addMatterAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("addItem")}
      className="grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <input type="hidden" name="listId" value={listId} />
      <Field name="title" label={t("items")} errors={e?.title}>
        {(p) => <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="ownerDepartmentId" label={t("ownerDepartment")} errors={e?.ownerDepartmentId}>
        {(p) => (
          <select
            {...p}
            name="ownerDepartmentId"
            defaultValue={v?.ownerDepartmentId ?? ""}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="ownerOrgId" label={t("ownerOrg")} errors={e?.ownerOrgId}>
        {(p) => (
          <select
            {...p}
            name="ownerOrgId"
            defaultValue={v?.ownerOrgId ?? ""}
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="dueDate" label={t("dueDate")} errors={e?.dueDate}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="dueDate"
            defaultValue={v?.dueDate ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("addItem")}</SubmitButton>
      </div>
    </form>
  );
}

export function CloseMatterForm({ matterId, version }: { matterId: string; version: number }) {
  const t = useTranslations("tasks");
  const { state, action, values: v, errors: e } = useActionForm(closeMatterAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("closeItem")}
      className="grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <input type="hidden" name="matterId" value={matterId} />
      <input type="hidden" name="version" value={version} />
      <Field name="closingNote" label={t("closingNote")} errors={e?.closingNote}>
        {(p) => (
          <textarea
            {...p}
            name="closingNote"
            rows={3}
            defaultValue={v?.closingNote ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="files" label={t("files")} errors={e?.files}>
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
        <SubmitButton pendingText={t("saving")}>{t("closeItem")}</SubmitButton>
      </div>
    </form>
  );
}
