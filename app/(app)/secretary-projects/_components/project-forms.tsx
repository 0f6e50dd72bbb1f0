"use client";
import { useTranslations } from "next-intl";
import { formKey } from "@/components/ui/form-key";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createSecretaryProjectAction } from "@/server/actions/secretary-projects/create-secretary-project-action";
import { addMilestoneAction } from "@/server/actions/secretary-projects/add-milestone-action";
import { updateMilestoneAction } from "@/server/actions/secretary-projects/update-milestone-action";
import { EVIDENCE_ACCEPT, fileInputClass } from "../../tasks/_components/task-forms";
import { useActionForm } from "@/components/ui/use-action-form";

type Option = { id: string; name: string };
const formClass = "grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3";

export function NewProjectForm({
  campaignId,
  branches,
}: {
  campaignId: string;
  branches: Option[];
}) {
  const t = useTranslations("projects");
  const { state, action, values: v, errors: e } = useActionForm(createSecretaryProjectAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("newProject")}
      className={formClass}
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <Field name="orgId" label={t("branch")} errors={e?.orgId}>
        {(p) => (
          <select
            {...p}
            name="orgId"
            defaultValue={v?.orgId ?? branches[0]?.id}
            className={inputClass}
          >
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="title" label={t("projectTitle")} errors={e?.title}>
        {(p) => <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="goal" label={t("goal")} errors={e?.goal}>
        {(p) => (
          <textarea
            {...p}
            name="goal"
            rows={3}
            defaultValue={v?.goal ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name="timetable" label={t("timetable")} errors={e?.timetable}>
        {(p) => (
          <textarea
            {...p}
            name="timetable"
            rows={3}
            defaultValue={v?.timetable ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText={t("saving")}>{t("fileProject")}</SubmitButton>
      </div>
    </form>
  );
}

export function AddMilestoneForm({ projectId }: { projectId: string }) {
  const t = useTranslations("projects");
  const { state, action, values: v, errors: e } = useActionForm(addMilestoneAction);
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("addMilestone")}
      className={formClass}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <Field name="milestone-title" label={t("milestoneTitle")} errors={e?.title}>
        {(p) => <input {...p} name="title" defaultValue={v?.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="milestone-dueDate" label={t("milestoneDate")} errors={e?.dueDate}>
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
        <SubmitButton pendingText={t("saving")}>{t("addMilestone")}</SubmitButton>
      </div>
    </form>
  );
}

export function MilestoneProgressForm({
  milestone,
}: {
  milestone: {
    id: string;
    version: number;
    title: string;
    status: string;
    progress: string | null;
  };
}) {
  const t = useTranslations("projects");
  const { state, action, values: v, errors: e } = useActionForm(updateMilestoneAction);
  const prefix = `ms-${milestone.id.slice(-8)}`;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-label={t("progressFor", { title: milestone.title })}
      className={formClass}
    >
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="version" value={milestone.version} />
      <Field name={`${prefix}-status`} label={t("statusLabel")} errors={e?.status}>
        {(p) => (
          <select
            {...p}
            name="status"
            defaultValue={v?.status ?? milestone.status}
            className={inputClass}
          >
            {(["NOT_STARTED", "IN_PROGRESS", "DONE"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`milestoneStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name={`${prefix}-progress`} label={t("progressNote")} errors={e?.progress}>
        {(p) => (
          <textarea
            {...p}
            name="progress"
            rows={3}
            defaultValue={v?.progress ?? milestone.progress ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field name={`${prefix}-files`} label={t("files")} errors={e?.files}>
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
        <SubmitButton pendingText={t("saving")}>{t("saveProgress")}</SubmitButton>
      </div>
    </form>
  );
}
