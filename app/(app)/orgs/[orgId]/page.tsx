import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { isAppError } from "@/server/errors";
import { getOrganization, listManageableOrgs } from "@/server/data/organizations/get-organization";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatDay, formatNumber, todayInShanghai } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { EditOrgForm } from "./_components/edit-org-form";
import { MoveOrgForm } from "./_components/move-org-form";
import { CloseOrgForm } from "./_components/close-org-form";

export default async function OrgDetailPage({ params }: { params: Promise<{ orgId: string }> }) {
  const actor = await requireActorForPage();
  const { orgId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(orgId)) notFound();
  const detail = await getOrganization(actor, orgId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tc, locale] = await Promise.all([
    getTranslations("orgs"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const { org, children, memberCount, subtreeMemberCount, placements, roleHolders, ancestors } =
    detail;
  const canManage = can(actor, "org.manage", org.path) && !org.validTo;
  const manageable = canManage ? await listManageableOrgs(actor) : [];
  const today = todayInShanghai();

  return (
    <>
      <nav aria-label="breadcrumb" className="mb-2 text-sm text-stone-600">
        <ol className="flex flex-wrap gap-1">
          {ancestors.map((a) => (
            <li key={a.id} className="after:ml-1 after:content-['›']">
              <Link href={`/orgs/${a.id}`} className="underline-offset-2 hover:underline">
                {a.name}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <PageHeader
        title={org.name}
        subtitle={
          <>
            {tc(`orgLevel.${org.level}`)} · {tc(`orgKind.${org.kind}`)} · {org.code}
            {org.validTo ? (
              <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5">{t("detail.closed")}</span>
            ) : null}
          </>
        }
        actions={
          <>
            {can(actor, "member.read", org.path) ? (
              <LinkButton variant="secondary" href={`/members?orgIds=${org.id}`}>
                {t("detail.viewMembers")}
              </LinkButton>
            ) : null}
            {canManage && org.level !== "GROUP" ? (
              <LinkButton href={`/orgs/new?parentId=${org.id}`}>{t("newChild")}</LinkButton>
            ) : null}
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          [t("detail.directMembers"), formatNumber(memberCount, locale)],
          [t("detail.subtreeMembers"), formatNumber(subtreeMemberCount, locale)],
          [t("detail.validFrom"), formatDay(org.validFrom, locale)],
          [t("detail.validTo"), formatDay(org.validTo, locale)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="children-h">
          <h2 id="children-h" className="mb-2 font-semibold">
            {t("detail.children")}
          </h2>
          {children.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noChildren")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {children.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/orgs/${c.id}`}
                    className="flex min-h-11 items-center justify-between px-3 py-2 hover:bg-stone-50"
                  >
                    <span>{c.name}</span>
                    <span className="text-xs text-stone-600">
                      {tc(`orgLevel.${c.level}`)} · {tc(`orgKind.${c.kind}`)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="roles-h">
          <h2 id="roles-h" className="mb-2 font-semibold">
            {t("detail.roles")}
          </h2>
          {roleHolders.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noRoles")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {roleHolders.map((r) => (
                <li key={r.id} className="flex min-h-11 items-center justify-between px-3 py-2">
                  <span>{r.user.displayName}</span>
                  <span className="text-xs text-stone-600">{tc(`roles.${r.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2 className="mb-2 mt-6 font-semibold">{t("detail.history")}</h2>
          <ol className="space-y-1 text-sm text-stone-700">
            {placements.map((p) => (
              <li key={p.id}>
                {p.validTo
                  ? t("detail.historyRange", {
                      from: formatDay(p.validFrom, locale),
                      to: formatDay(p.validTo, locale),
                    })
                  : t("detail.historyFrom", { from: formatDay(p.validFrom, locale) })}
                {p.parent ? ` · ${t("detail.underParent", { parent: p.parent.name })}` : null}
              </li>
            ))}
          </ol>
        </section>
      </div>

      {canManage ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <EditOrgForm
            org={{
              id: org.id,
              version: org.version,
              name: org.name,
              nameEn: org.nameEn ?? "",
              code: org.code,
              kind: org.kind,
              sortOrder: org.sortOrder,
            }}
          />
          {org.level !== "SCHOOL" ? (
            <div className="grid gap-6">
              <MoveOrgForm
                orgId={org.id}
                version={org.version}
                today={today}
                parents={manageable
                  .filter(
                    (p) =>
                      p.id !== org.id &&
                      p.id !== org.parentId &&
                      !p.path.startsWith(org.path + "/") &&
                      p.level !== "GROUP",
                  )
                  .map((p) => ({ id: p.id, name: p.name, depth: p.depth }))}
              />
              <CloseOrgForm
                orgId={org.id}
                version={org.version}
                today={today}
                targets={manageable
                  .filter((p) => p.id !== org.id && p.level === org.level)
                  .map((p) => ({ id: p.id, name: p.name, depth: 0 }))}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
