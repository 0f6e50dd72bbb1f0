import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatDateTime } from "@/lib/format";
import { ROLES } from "@/lib/schemas/user";
import { toLocale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { isAppError } from "@/server/errors";
import { getUser } from "@/server/data/users/get-user";
import { listAssignableOrgs } from "@/server/data/users/list-assignable-orgs";
import { holdsOrgAdminOver } from "@/server/data/users/user-scope";
import { AssignRoleForm } from "../_components/assign-role-form";
import { DisableUserForm } from "../_components/disable-user-form";
import { ResetPasswordForm } from "../_components/reset-password-form";
import { RevokeRoleButton } from "../_components/revoke-role-button";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("admin.users.detail");
  return { title: t("title") };
}

export default async function UserDetailPage({ params, searchParams }: Props) {
  const actor = await requireActorForPage();
  if (!can(actor, "user.manage")) notFound();
  const { id } = await params;
  const created = (await searchParams).created === "1";
  const detail = await getUser(actor, id).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN"))
      return null;
    throw error;
  });
  if (!detail) notFound();
  const orgs = await listAssignableOrgs(actor);
  const t = await getTranslations("admin.users");
  const tc = await getTranslations("common");
  const locale = toLocale(await getLocale());
  const { user, member } = detail;
  // ORG_ADMIN is offered only when the actor holds ORG_ADMIN somewhere in scope; the data
  // function still checks the chosen organization.
  const canGrantAdmin = orgs.some((o) => holdsOrgAdminOver(actor, o.path));
  const roleOptions = ROLES.filter((r) => r !== "ORG_ADMIN" || canGrantAdmin).map((r) => ({
    value: r,
    label: tc(`roles.${r}`),
  }));
  const locked = user.lockedUntil !== null && user.lockedUntil > new Date();

  const section = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6";
  const h2 = "mb-3 text-lg font-medium text-stone-900";

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={user.displayName}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <span>{user.username}</span>
            {user.disabledAt ? (
              <span className="rounded bg-stone-200 px-2 py-0.5 text-xs text-stone-800">
                {t("status.disabled")}
              </span>
            ) : locked ? (
              <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                {t("status.locked")}
              </span>
            ) : (
              <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
                {t("status.active")}
              </span>
            )}
          </span>
        }
        actions={
          <LinkButton href="/admin/users" variant="secondary">
            {tc("actions.back")}
          </LinkButton>
        }
      />
      {created ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("messages.created")}
        </p>
      ) : null}

      <section aria-labelledby="account-heading" className={section}>
        <h2 id="account-heading" className={h2}>
          {t("detail.account")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-stone-600">{t("detail.username")}</dt>
          <dd className="break-all">{user.username}</dd>
          <dt className="text-stone-600">{t("detail.displayName")}</dt>
          <dd>{user.displayName}</dd>
          <dt className="text-stone-600">{t("detail.member")}</dt>
          <dd>
            {member
              ? `${member.number} ${member.name}${member.orgName ? ` · ${member.orgName}` : ""}${member.leftAt ? ` (${t("detail.memberLeft")})` : ""}`
              : t("detail.noMember")}
          </dd>
          <dt className="text-stone-600">{t("detail.lastLogin")}</dt>
          <dd>{formatDateTime(user.lastLoginAt, locale)}</dd>
          <dt className="text-stone-600">{t("detail.passwordChangedAt")}</dt>
          <dd>{formatDateTime(user.passwordChangedAt, locale)}</dd>
          {user.disabledAt ? (
            <>
              <dt className="text-stone-600">{t("detail.disabledAt")}</dt>
              <dd>{formatDateTime(user.disabledAt, locale)}</dd>
            </>
          ) : null}
          {locked ? (
            <>
              <dt className="text-stone-600">{t("detail.lockedUntil")}</dt>
              <dd>{formatDateTime(user.lockedUntil, locale)}</dd>
            </>
          ) : null}
          <dt className="text-stone-600">{t("detail.createdAt")}</dt>
          <dd>{formatDateTime(user.createdAt, locale)}</dd>
        </dl>
      </section>

      <section aria-labelledby="roles-heading" className={section}>
        <h2 id="roles-heading" className={h2}>
          {t("roles.title")}
        </h2>
        {detail.roles.length === 0 ? (
          <p className="mb-3 text-sm text-stone-600">{t("noRoles")}</p>
        ) : (
          <ul className="mb-3 divide-y divide-stone-100 rounded-md border border-stone-200">
            {detail.roles.map((r) => {
              const description = `${tc(`roles.${r.role}`)} · ${r.orgName}`;
              return (
                <li
                  key={r.id}
                  className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <p className="font-medium text-stone-900">{description}</p>
                    <p className="text-xs text-stone-600">
                      {t("roles.since", { date: formatDateTime(r.createdAt, locale) })}
                      {r.orgClosed ? ` · ${t("roles.orgClosed")}` : ""}
                    </p>
                  </div>
                  <RevokeRoleButton assignmentId={r.id} description={description} />
                </li>
              );
            })}
          </ul>
        )}
        {detail.otherRoleCount > 0 ? (
          <p className="mb-3 text-sm text-stone-600">
            {t("otherRolesExplained", { count: detail.otherRoleCount })}
          </p>
        ) : null}
        <h3 className="mb-2 mt-4 text-base font-medium text-stone-900">{t("roles.assignTitle")}</h3>
        {orgs.length === 0 ? (
          <p className="text-sm text-stone-600">{t("roles.noOrgs")}</p>
        ) : (
          <AssignRoleForm
            userId={user.id}
            roles={roleOptions}
            orgs={orgs.map((o) => ({ id: o.id, label: o.name, indent: o.indent }))}
          />
        )}
        {detail.revokedRoles.length > 0 ? (
          <details className="mt-4">
            <summary className="min-h-11 cursor-pointer py-2 text-sm text-stone-700">
              {t("roles.history", { count: detail.revokedRoles.length })}
            </summary>
            <ul className="mt-2 flex flex-col gap-1 text-sm text-stone-700">
              {detail.revokedRoles.map((r) => (
                <li key={r.id}>
                  {tc(`roles.${r.role}`)} · {r.orgName} —{" "}
                  {t("roles.period", {
                    from: formatDateTime(r.createdAt, locale),
                    to: formatDateTime(r.revokedAt, locale),
                  })}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="actions-heading" className={section}>
        <h2 id="actions-heading" className={h2}>
          {t("account.title")}
        </h2>
        {detail.isSelf ? (
          <p className="text-sm text-stone-600">{t("account.self")}</p>
        ) : !detail.canManageAccount ? (
          <p className="text-sm text-stone-600">{t("account.outOfScope")}</p>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-base font-medium text-stone-900">
                {user.disabledAt ? t("account.enable") : t("account.disable")}
              </h3>
              <DisableUserForm userId={user.id} disabled={user.disabledAt !== null} />
            </div>
            <div>
              <h3 className="mb-2 text-base font-medium text-stone-900">
                {t("account.resetPassword")}
              </h3>
              <ResetPasswordForm userId={user.id} />
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
