import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireActorForPage } from "@/server/auth/get-actor";
import type { ActorAssignment } from "@/server/authz/actor";
import { can } from "@/server/authz/scope";

/**
 * The signed-in home page: the actor's roles with the organizations they cover, and the
 * areas their roles open. Later features add overdue warnings and progress here.
 */
export default async function HomePage() {
  const actor = await requireActorForPage();
  const t = await getTranslations("admin.home");
  const tc = await getTranslations("common");

  const scopeText = (a: ActorAssignment) => {
    const isRoot = !a.orgPath.includes("/");
    if (a.role === "MEMBER") return t("scope.member", { org: a.orgName });
    return isRoot ? t("scope.root", { org: a.orgName }) : t("scope.subtree", { org: a.orgName });
  };

  const links = [
    {
      href: "/orgs",
      label: tc("nav.orgs"),
      description: t("links.orgs"),
      show: can(actor, "org.read"),
    },
    {
      href: "/members",
      label: tc("nav.members"),
      description: t("links.members"),
      show: can(actor, "member.read"),
    },
    {
      href: "/admin/users",
      label: tc("nav.users"),
      description: t("links.users"),
      show: can(actor, "user.manage"),
    },
    {
      href: "/audit",
      label: tc("nav.audit"),
      description: t("links.audit"),
      show: can(actor, "audit.read"),
    },
    {
      href: "/account/password",
      label: tc("nav.account"),
      description: t("links.password"),
      show: true,
    },
  ].filter((l) => l.show);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("welcome", { name: actor.displayName })} subtitle={actor.tenantName} />

      <section aria-labelledby="home-roles">
        <h2 id="home-roles" className="mb-3 text-lg font-medium text-stone-900">
          {t("rolesTitle")}
        </h2>
        {actor.assignments.length === 0 ? (
          <p className="rounded-md border border-dashed border-stone-300 p-4 text-stone-700">
            {t("noRoles")}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {actor.assignments.map((a) => (
              <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <p className="font-medium text-red-900">{tc(`roles.${a.role}`)}</p>
                <p className="mt-1 text-sm text-stone-700">{scopeText(a)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-links">
        <h2 id="home-links" className="mb-3 text-lg font-medium text-stone-900">
          {t("linksTitle")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                className="flex min-h-11 flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-red-300 hover:bg-red-50/40"
              >
                <span className="font-medium text-stone-900">{l.label}</span>
                <span className="mt-1 text-sm text-stone-600">{l.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
