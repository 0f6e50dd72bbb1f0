import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";
import { toLocale, type Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listAuditEvents, type AuditEventItem } from "@/server/data/users/list-audit-events";
import { Pager } from "../admin/users/_components/pager";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata() {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

type DiffRow = {
  key: string;
  before: unknown;
  after: unknown;
  hasBefore: boolean;
  hasAfter: boolean;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The changed keys of an event: `before → after` for updates, the values for creations. */
function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : before == null ? {} : { value: before };
  const a = isRecord(after) ? after : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => !(key in b && key in a) || JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({
      key,
      before: b[key],
      after: a[key],
      hasBefore: key in b,
      hasAfter: key in a,
    }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_VALUE_CHARS = 60;
const VISIBLE_ROWS = 4;

function formatValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string")
    return ISO_INSTANT.test(value) ? formatDateTime(value, locale) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function Value({
  value,
  locale,
  kind,
}: {
  value: unknown;
  locale: Locale;
  kind: "before" | "after";
}) {
  const full = formatValue(value, locale);
  const short = full.length > MAX_VALUE_CHARS ? `${full.slice(0, MAX_VALUE_CHARS)}…` : full;
  const cls =
    kind === "before" ? "text-stone-500 line-through decoration-stone-400" : "text-stone-900";
  return (
    <span className={`break-all ${cls}`} title={short === full ? undefined : full}>
      {short}
    </span>
  );
}

function Diff({
  event,
  locale,
  moreLabel,
  emptyLabel,
}: {
  event: AuditEventItem;
  locale: Locale;
  moreLabel: (n: number) => string;
  emptyLabel: string;
}) {
  const rows = diffRows(event.before, event.after);
  if (rows.length === 0) return <span className="text-stone-500">{emptyLabel}</span>;
  const line = (r: DiffRow) => (
    <li key={r.key} className="leading-snug">
      <code className="text-xs text-stone-600">{r.key}</code>:{" "}
      {r.hasBefore ? (
        <>
          <Value value={r.before} locale={locale} kind="before" /> <span aria-hidden="true">→</span>{" "}
          <Value value={r.hasAfter ? r.after : null} locale={locale} kind="after" />
        </>
      ) : (
        <Value value={r.after} locale={locale} kind="after" />
      )}
    </li>
  );
  return (
    <div className="text-sm">
      <ul>{rows.slice(0, VISIBLE_ROWS).map(line)}</ul>
      {rows.length > VISIBLE_ROWS ? (
        <details>
          <summary className="cursor-pointer py-1 text-xs text-stone-600">
            {moreLabel(rows.length - VISIBLE_ROWS)}
          </summary>
          <ul>{rows.slice(VISIBLE_ROWS).map(line)}</ul>
        </details>
      ) : null}
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActorForPage();
  if (!can(actor, "audit.read")) notFound();
  const sp = await searchParams;
  const action = first(sp.action)?.trim() || undefined;
  const entityType = first(sp.entityType)?.trim() || undefined;
  const page = Number(first(sp.page) ?? "1") || 1;
  const list = await listAuditEvents(actor, { action, entityType, page });
  const t = await getTranslations("admin.audit");
  const tc = await getTranslations("common");
  const locale = toLocale(await getLocale());
  const showUserLinks = can(actor, "user.manage");

  // Known codes get words; unknown ones (added by later features) show as they are.
  const actionLabel = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const entityLabel = (code: string) =>
    t.has(`entityTypes.${code}`) ? t(`entityTypes.${code}`) : code;

  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={list.scope === "tenant" ? t("scopeTenant") : t("scopeOwn")}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium text-stone-800">
            {t("filters.action")}
          </label>
          <select
            key={action ?? ""}
            id="audit-action"
            name="action"
            defaultValue={action ?? ""}
            className={`${inputClass} min-h-11`}
          >
            <option value="">{t("filters.all")}</option>
            {list.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-1 basis-48 flex-col gap-1">
          <label htmlFor="audit-entity" className="text-sm font-medium text-stone-800">
            {t("filters.entityType")}
          </label>
          <select
            key={entityType ?? ""}
            id="audit-entity"
            name="entityType"
            defaultValue={entityType ?? ""}
            className={`${inputClass} min-h-11`}
          >
            <option value="">{t("filters.all")}</option>
            {list.entityTypes.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-red-800 px-4 text-sm font-medium text-white hover:bg-red-900"
          >
            {t("filters.submit")}
          </button>
          {action || entityType ? (
            <Link
              href="/audit"
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm text-stone-800 hover:bg-stone-50"
            >
              {tc("actions.reset")}
            </Link>
          ) : null}
        </div>
      </form>

      {list.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-6 text-center text-stone-600">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {t("columns.at")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {t("columns.actor")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {t("columns.action")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {t("columns.entity")}
                </th>
                <th scope="col" className="min-w-64 px-3 py-2 font-medium">
                  {t("columns.changes")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.items.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {e.actorName ? (
                      <>
                        <span>{e.actorName}</span>
                        <span className="block text-xs text-stone-600">{e.actorUsername}</span>
                      </>
                    ) : (
                      <span className="text-stone-500">{t("anonymous")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <span className="whitespace-nowrap">{actionLabel(e.action)}</span>
                    {actionLabel(e.action) !== e.action ? (
                      <code className="block text-xs text-stone-500">{e.action}</code>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span>{entityLabel(e.entityType)}</span>
                    {e.entityId ? (
                      e.entityType === "User" && showUserLinks ? (
                        <Link
                          href={`/admin/users/${e.entityId}`}
                          className="block text-xs text-red-900 underline"
                          title={e.entityId}
                        >
                          {e.entityId.slice(0, 8)}
                        </Link>
                      ) : (
                        <code className="block text-xs text-stone-500" title={e.entityId}>
                          {e.entityId.slice(0, 8)}
                        </code>
                      )
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <Diff
                      event={e}
                      locale={locale}
                      emptyLabel={t("noChanges")}
                      moreLabel={(n) => t("more", { count: n })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        basePath="/audit"
        params={{ action, entityType }}
        page={list.page}
        pages={list.pages}
        total={list.total}
      />
    </div>
  );
}
