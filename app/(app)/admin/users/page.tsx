import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listUsers, type UserListItem } from "@/server/data/users/list-users";
import { Pager } from "./_components/pager";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata() {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActorForPage();
  if (!can(actor, "user.manage")) notFound();
  const sp = await searchParams;
  const q = first(sp.q)?.trim() ?? "";
  const page = Number(first(sp.page) ?? "1") || 1;
  const list = await listUsers(actor, { q, page });
  const t = await getTranslations("admin.users");
  const tc = await getTranslations("common");
  const locale = toLocale(await getLocale());

  const status = (u: UserListItem) => {
    if (u.disabledAt)
      return (
        <span className="rounded bg-stone-200 px-2 py-0.5 text-xs text-stone-800">
          {t("status.disabled")}
        </span>
      );
    if (u.lockedUntil && u.lockedUntil > new Date())
      return (
        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
          {t("status.locked")}
        </span>
      );
    return (
      <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
        {t("status.active")}
      </span>
    );
  };
  const roles = (u: UserListItem) => (
    <ul className="flex flex-col gap-0.5">
      {u.roles.map((r) => (
        <li key={r.id}>
          {tc(`roles.${r.role}`)} · {r.orgName}
        </li>
      ))}
      {u.otherRoleCount > 0 ? (
        <li className="text-stone-500">{t("otherRoles", { count: u.otherRoleCount })}</li>
      ) : null}
      {u.roles.length === 0 && u.otherRoleCount === 0 ? (
        <li className="text-stone-500">{t("noRoles")}</li>
      ) : null}
    </ul>
  );

  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<LinkButton href="/admin/users/new">{t("new")}</LinkButton>}
      />
      <form role="search" method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
          <label htmlFor="users-q" className="text-sm font-medium text-stone-800">
            {t("search.label")}
          </label>
          <input
            key={q}
            id="users-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("search.placeholder")}
            maxLength={64}
            className={inputClass}
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-md bg-red-800 px-4 text-sm font-medium text-white hover:bg-red-900"
        >
          {tc("actions.search")}
        </button>
        {q ? (
          <Link
            href="/admin/users"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
          >
            {tc("actions.reset")}
          </Link>
        ) : null}
      </form>

      {list.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-600">
          {q ? t("emptySearch") : t("empty")}
        </p>
      ) : (
        <>
          {/* Phones: one card per account. */}
          <ul className="flex flex-col gap-3 sm:hidden">
            {list.items.map((u) => (
              <li key={u.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <Link
                    href={`/admin/users/${u.id}`}
                    className="inline-flex min-h-11 flex-col justify-center font-medium text-red-900 underline-offset-2 hover:underline"
                  >
                    <span>{u.displayName}</span>
                    <span className="text-sm font-normal text-stone-600">{u.username}</span>
                  </Link>
                  {status(u)}
                </div>
                {u.member ? (
                  <p className="mt-1 text-sm text-stone-700">
                    {t("columns.member")}：{u.member.number} {u.member.name}
                  </p>
                ) : null}
                <div className="mt-2 text-sm text-stone-800">{roles(u)}</div>
              </li>
            ))}
          </ul>
          {/* Wider screens: a table that scrolls sideways when it must. */}
          <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white sm:block">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columns.account")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columns.member")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columns.roles")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columns.status")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                    {t("columns.lastLogin")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {list.items.map((u) => (
                  <tr key={u.id} className="align-top">
                    <td className="px-3 py-2">
                      <Link
                        href={`/admin/users/${u.id}`}
                        className="inline-flex min-h-11 flex-col justify-center font-medium text-red-900 underline-offset-2 hover:underline"
                      >
                        <span>{u.displayName}</span>
                        <span className="text-xs font-normal text-stone-600">{u.username}</span>
                      </Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {u.member ? `${u.member.number} ${u.member.name}` : "—"}
                    </td>
                    <td className="px-3 py-2">{roles(u)}</td>
                    <td className="px-3 py-2">{status(u)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {formatDateTime(u.lastLoginAt, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager
        basePath="/admin/users"
        params={{ q: q || undefined }}
        page={list.page}
        pages={list.pages}
        total={list.total}
      />
    </div>
  );
}
