import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { LocaleSwitch } from "@/components/locale-switch";
import { LogoutButton } from "@/components/logout-button";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActorForPage();
  const t = await getTranslations("common");
  const tn = await getTranslations("notifications");
  const tp = await getTranslations("projects");
  // Counted in the same statement that loaded the actor (src/server/auth/load-actor.ts).
  const unread = actor.unreadCount ?? 0;
  const links = [
    { href: "/", label: t("nav.home"), show: true },
    { href: "/me", label: t("nav.me"), show: actor.memberId !== null },
    {
      href: "/pledges",
      label: t("nav.pledges"),
      show: actor.memberId !== null || can(actor, "pledge.evaluate"),
    },
    { href: "/orgs", label: t("nav.orgs"), show: can(actor, "org.read") },
    { href: "/members", label: t("nav.members"), show: can(actor, "member.read") },
    {
      href: "/activities",
      label: t("nav.activities"),
      show: can(actor, "activity.read") || can(actor, "activity.record"),
    },
    { href: "/dashboard", label: t("nav.dashboard"), show: can(actor, "dashboard.read") },
    { href: "/campaigns", label: t("nav.campaigns"), show: can(actor, "campaign.read") },
    { href: "/ratings", label: t("nav.ratings"), show: can(actor, "dashboard.read") },
    { href: "/tasks", label: t("nav.tasks"), show: can(actor, "task.read") },
    {
      href: "/secretary-projects",
      label: tp("nav.secretaryProjects"),
      show: can(actor, "task.read"),
    },
    {
      href: "/implementation-plans",
      label: tp("nav.plans"),
      show: can(actor, "task.read"),
    },
    {
      href: "/practical-matters",
      label: tp("nav.departmentWork"),
      show: !can(actor, "task.read") && (actor.departmentIds ?? []).length > 0,
    },
    {
      href: "/appraisal",
      label: t("nav.appraisal"),
      show: actor.memberId !== null || can(actor, "appraisal.read"),
    },
    { href: "/commendations", label: t("nav.commendations"), show: true },
    { href: "/opinions", label: t("nav.opinions"), show: can(actor, "opinion.read") },
    { href: "/departments", label: t("nav.departments"), show: can(actor, "org.read") },
    { href: "/admin/users", label: t("nav.users"), show: can(actor, "user.manage") },
    { href: "/audit", label: t("nav.audit"), show: can(actor, "audit.read") },
  ].filter((l) => l.show);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <header className="bg-red-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div>
            <Link href="/" className="text-lg font-semibold">
              {t("appName")}
            </Link>
            <p className="text-xs text-red-100">
              {actor.tenantName} · {actor.displayName}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Link
              href="/notifications"
              aria-label={tn("bell", { count: unread })}
              className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-white hover:bg-red-800"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-5 w-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
              </svg>
              {unread > 0 ? (
                <span className="absolute right-0 top-0 rounded-full bg-yellow-300 px-1.5 text-xs font-semibold text-red-950">
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
            <LocaleSwitch />
            <LogoutButton label={t("nav.logout")} />
          </div>
        </div>
        <nav aria-label={t("appName")} className="bg-red-950/40">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="inline-flex min-h-11 items-center whitespace-nowrap px-3 text-sm text-white hover:bg-red-800"
                >
                  {l.label}
                </Link>
              </li>
            ))}
            <li>
              <Link
                href="/account/password"
                className="inline-flex min-h-11 items-center whitespace-nowrap px-3 text-sm text-white hover:bg-red-800"
              >
                {t("nav.account")}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
