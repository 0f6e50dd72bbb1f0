"use client";
import { useActionState } from "react";
import { formKey } from "@/components/ui/form-key";
import { useTranslations } from "next-intl";
import { createMemberAction } from "@/server/actions/members/create-member-action";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MemberOrgOption } from "@/server/data/members/list-member-orgs";
import { MemberFields } from "./member-fields";

export function CreateMemberForm({
  orgs,
  today,
  defaultOrgId,
}: {
  orgs: MemberOrgOption[];
  today: string;
  defaultOrgId?: string;
}) {
  const t = useTranslations("members.form");
  // On success the action redirects to the new member's page, so only failures come back.
  const [state, action] = useActionState(createMemberAction, undefined);
  const failed = state?.ok === false ? state : undefined;
  return (
    <form
      key={formKey(state)}
      action={action}
      noValidate
      className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <MemberFields
        values={failed?.values ?? { orgId: defaultOrgId, cadreLevel: "NONE" }}
        errors={failed?.fieldErrors}
        orgs={orgs}
        today={today}
      />
      <FormMessage state={failed} />
      <div>
        <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
