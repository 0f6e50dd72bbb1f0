import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { MemberRosterQuery } from "@/lib/schemas/member";
import type { Locale } from "@/i18n/config";
import { filterOrgs } from "@/lib/filter-orgs";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listMembers } from "@/server/data/members/list-members";
import { listMemberOrgs } from "@/server/data/members/list-member-orgs";
import { RosterFilters } from "./_components/roster-filters";
import { RosterPager } from "./_components/roster-pager";
import { positionLabel } from "./_components/position-label";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The search params that define the current list, for the pager's links. */
function listParams(query: MemberRosterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const id of query.orgIds) params.append("orgIds", id);
  if (query.category) params.set("category", query.category);
  if (query.status) params.set("status", query.status);
  if (query.cadreLevel) params.set("cadreLevel", query.cadreLevel);
  if (query.pageSize !== 20) params.set("pageSize", String(query.pageSize));
  return params;
}

export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActorForPage();
  const query = MemberRosterQuery.parse(await searchParams);
  const [roster, orgs, t, tc, locale] = await Promise.all([
    listMembers(actor, query),
    can(actor, "member.read") ? listMemberOrgs(actor, "read") : Promise.resolve([]),
    getTranslations("members"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const canManage = can(actor, "member.manage");
  const orgName = (org: { name: string; nameEn: string | null }) =>
    locale === "en" && org.nameEn ? org.nameEn : org.name;
  const positionsText = (positions: string[]) =>
    positions.map((p) => positionLabel(p, tc, t)).join("、") || "—";

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("roster.total", { total: roster.total })}
        actions={
          canManage ? (
            <>
              <LinkButton href="/members/new">{t("newMember")}</LinkButton>
              <LinkButton href="/members/import" variant="secondary">
                {t("importRoster")}
              </LinkButton>
            </>
          ) : null
        }
      />
      {orgs.length > 0 ? (
        <RosterFilters query={query} orgs={filterOrgs(orgs, query.orgIds)} />
      ) : null}

      {roster.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center">
          <p className="font-medium text-stone-800">{t("roster.empty")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("roster.emptyHint")}</p>
        </div>
      ) : (
        <>
          {/* Phones: one card per member, the whole card is the link. */}
          <ul
            className="grid gap-2 md:hidden"
            aria-label={t("roster.caption", { page: roster.page, pages: roster.pageCount })}
          >
            {roster.items.map((m) => (
              <li key={m.id}>
                <Link
                  href={`/members/${m.id}`}
                  className="block min-h-11 rounded-lg border border-stone-200 bg-white p-3 hover:bg-stone-50"
                >
                  <span className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <span className="font-medium text-red-900">{m.name}</span>
                    <span className="text-sm text-stone-600">{m.number}</span>
                  </span>
                  <span className="mt-1 block text-sm text-stone-700">{orgName(m.org)}</span>
                  <span className="mt-1 flex flex-wrap gap-1 text-xs">
                    <StatusBadge status={m.status} label={tc(`memberStatus.${m.status}`)} />
                    <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">
                      {tc(`memberCategory.${m.category}`)}
                    </span>
                    {m.cadreLevel !== "NONE" ? (
                      <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">
                        {tc(`cadreLevel.${m.cadreLevel}`)}
                      </span>
                    ) : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>

          {/* Wider screens: a table, scrollable sideways if the window is narrow. */}
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                {t("roster.caption", { page: roster.page, pages: roster.pageCount })}
              </caption>
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  {(
                    [
                      "number",
                      "name",
                      "gender",
                      "org",
                      "status",
                      "category",
                      "cadreLevel",
                      "positions",
                    ] as const
                  ).map((key) => (
                    <th key={key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t(`fields.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {roster.items.map((m) => (
                  <tr key={m.id} className="hover:bg-stone-50">
                    <td className="whitespace-nowrap px-3 py-2 text-stone-700">{m.number}</td>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                      <Link
                        href={`/members/${m.id}`}
                        className="inline-flex min-h-11 items-center text-red-900 underline-offset-2 hover:underline"
                      >
                        {m.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{tc(`gender.${m.gender}`)}</td>
                    <td className="px-3 py-2">{orgName(m.org)}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <StatusBadge status={m.status} label={tc(`memberStatus.${m.status}`)} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {tc(`memberCategory.${m.category}`)}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {tc(`cadreLevel.${m.cadreLevel}`)}
                    </td>
                    <td className="px-3 py-2">{positionsText(m.positions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RosterPager
            params={listParams(query)}
            page={roster.page}
            pages={roster.pageCount}
            total={roster.total}
          />
        </>
      )}
    </>
  );
}

/** Status as text in a tinted chip: the words carry the meaning, the color only helps. */
function StatusBadge({ status, label }: { status: string; label: string }) {
  const tone =
    status === "PROBATIONARY"
      ? "bg-amber-50 text-amber-900 ring-amber-200"
      : "bg-red-50 text-red-900 ring-red-200";
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs ring-1 ${tone}`}>{label}</span>
  );
}
