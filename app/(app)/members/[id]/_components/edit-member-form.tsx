"use client";
import { useActionState } from "react";
import { formKey } from "@/components/ui/form-key";
import { useTranslations } from "next-intl";
import { updateMemberAction } from "@/server/actions/members/update-member-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MemberFields, type MemberFormValues } from "../../_components/member-fields";

export function EditMemberForm({
  id,
  version,
  values,
  today,
}: {
  id: string;
  version: number;
  values: MemberFormValues;
  today: string;
}) {
  const t = useTranslations("members.form");
  const tc = useTranslations("common.actions");
  const [state, action] = useActionState(updateMemberAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  const message = state?.ok
    ? { ok: true as const, message: state.data?.changed === false ? t("noChanges") : t("saved") }
    : state;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      aria-labelledby="edit-member-h"
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="edit-member-h" className="font-semibold">
        {t("editTitle")}
      </h2>
      <input type="hidden" name="id" value={id} />
      {/* The version the form was loaded at: a save over someone else's newer change is refused. */}
      <input type="hidden" name="version" value={version} />
      <MemberFields values={failed?.values ?? values} errors={failed?.fieldErrors} today={today} />
      <FormMessage state={message} />
      <div>
        <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}
