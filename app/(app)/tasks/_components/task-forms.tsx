"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTaskAction } from "@/server/actions/tasks/create-task-action";
import { applyTemplateTasksAction } from "@/server/actions/tasks/apply-template-tasks-action";
import { addTaskUpdateAction } from "@/server/actions/tasks/add-task-update-action";
import { signOffTaskAction } from "@/server/actions/tasks/sign-off-task-action";
import { useActionForm } from "@/components/ui/use-action-form";

export const EVIDENCE_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";
export const fileInputClass =
  "block w-full text-sm text-stone-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:text-sm";
type Option = { id: string; name: string };

export function ApplyTemplateButton({ campaignId, label }: { campaignId: string; label: string }) {
  const [state, action] = useActionState(applyTemplateTasksAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <SubmitButton>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function NewTaskForm({
  campaignId,
  departments,
  orgs,
  min,
  max,
}: {
  campaignId: string;
  departments: Option[];
  orgs: Option[];
  min: string;
  max: string;
}) {
  const t = useTranslations("tasks");
  const { state, action, values: v, errors: e } = useActionForm(createTaskAction);
  return (
    <form key={formKey(state)} action={action} noValidate className="grid max-w-2xl gap-3">
      <input type="hidden" name="campaignId" value={campaignId} />
      <Field name="title" label={t("taskTitle")} errors={e?.title}>
        {(p) => <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="description" label={t("description")} errors={e?.description}>
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
      <Field name="leadDepartmentId" label={t("lead")} errors={e?.leadDepartmentId}>
        {(p) => (
          <select
            {...p}
            name="leadDepartmentId"
            defaultValue={v?.leadDepartmentId ?? ""}
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
      <fieldset className="grid gap-1">
        <legend className="text-sm font-medium text-stone-800">{t("cooperating")}</legend>
        <div className="flex flex-wrap gap-3">
          {departments.map((d) => (
            <label key={d.id} className="inline-flex min-h-11 items-center gap-1 text-sm">
              <input type="checkbox" name="cooperatingDepartmentIds" value={d.id} /> {d.name}
            </label>
          ))}
        </div>
        <p className="text-sm text-red-700" aria-live="polite">
          {e?.cooperatingDepartmentIds?.join("；")}
        </p>
      </fieldset>
      <Field name="orgIds" label={t("orgs")} errors={e?.orgIds}>
        {(p) => (
          <select {...p} name="orgIds" multiple size={6} className={inputClass}>
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
            min={min}
            max={max}
            defaultValue={v?.dueDate ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      {state?.ok && state.data ? (
        <p>
          <a className="text-red-800 underline" href={`/tasks/${state.data.id}`}>
            {t("taskTitle")} →
          </a>
        </p>
      ) : null}
      <div>
        <SubmitButton pendingText={t("saving")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

export function TaskUpdateForm({ taskId }: { taskId: string }) {
  const t = useTranslations("tasks");
  const { state, action, values: v, errors: e } = useActionForm(addTaskUpdateAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("post")}
      className="grid gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
    >
      <input type="hidden" name="taskId" value={taskId} />
      <Field name="text" label={t("updateText")} errors={e?.text}>
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={3}
            defaultValue={v?.text ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="percent" label={t("percent")} errors={e?.percent}>
        {(p) => (
          <input
            {...p}
            name="percent"
            inputMode="numeric"
            defaultValue={v?.percent ?? ""}
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
        <SubmitButton pendingText={t("saving")}>{t("post")}</SubmitButton>
      </div>
    </form>
  );
}

export function SignOffButton({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations("tasks");
  const [state, action] = useActionState(signOffTaskAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton>{t("signOff")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
