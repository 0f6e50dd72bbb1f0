"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/action-result";
import { revokeRoleAction } from "@/server/actions/users/revoke-role-action";

/** One revoke button per role assignment, asking for confirmation first. */
export function RevokeRoleButton({
  assignmentId,
  description,
}: {
  assignmentId: string;
  description: string;
}) {
  const t = useTranslations("admin.users.roles");
  const [state, action] = useActionState(revokeRoleAction, initialActionResult as ActionResult);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("revokeConfirm", { role: description }))) event.preventDefault();
      }}
      className="flex flex-col items-start gap-1 sm:items-end"
    >
      <input type="hidden" name="id" value={assignmentId} />
      <SubmitButton
        pendingText={t("revoking")}
        className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-3 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        <span>
          {t("revoke")}
          <span className="sr-only">: {description}</span>
        </span>
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}
