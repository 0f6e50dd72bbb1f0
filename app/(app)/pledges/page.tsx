import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/i18n/config";
import { formatDateTime } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listBranchPledges, PLEDGE_WALL_LIMIT } from "@/server/data/pledges/list-branch-pledges";
import { listPledgeOrgs } from "@/server/data/pledges/list-pledge-orgs";
import { isAppError } from "@/server/errors";
import { orgLabel } from "./_components/org-label";
import { VerdictBadge, verdictKey } from "./_components/verdict-badge";

export async function generateMetadata() {
  const t = await getTranslations("pledges");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The pledge wall (亮诺) of one organization: the member's own branch by default; an evaluator
 * (secretary, administrator) picks any organization in their scope and may keep only the pledges
 * awaiting evaluation (评诺).
 */
export default async function PledgeWallPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActorForPage();
  const params = await searchParams;
  const [orgs, t, locale] = await Promise.all([
    listPledgeOrgs(actor),
    getTranslations("pledges"),
    getLocale() as Promise<Locale>,
  ]);
  if (orgs.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {t("noOrgs")}
        </p>
      </>
    );
  }
  const requested = one(params.orgId);
  const chosen =
    orgs.find((o) => o.id === requested) ??
    orgs.find((o) => o.own) ??
    orgs.find((o) => o.level === "BRANCH") ??
    orgs[0]!;
  const onlyAwaiting = one(params.awaiting) === "1";
  const wall = await listBranchPledges(actor, chosen.id, { onlyAwaiting }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  const name = orgLabel(wall.org, locale);
  const canPledgeForOrg = can(actor, "pledge.evaluate");

  return (
    <>
      <PageHeader
        title={t("wallTitle", { org: name })}
        subtitle={wall.evaluates ? t("evaluatorIntro") : t("wallIntro")}
        actions={
          <>
            {actor.memberId ? (
              <LinkButton href="/me/pledges/new">{t("newForSelf")}</LinkButton>
            ) : null}
            {canPledgeForOrg ? (
              <LinkButton href={`/pledges/new?orgId=${chosen.id}`} variant="secondary">
                {t("newForOrg")}
              </LinkButton>
            ) : null}
          </>
        }
      />

      {orgs.length > 1 || wall.evaluates ? (
        <form
          method="get"
          className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3"
        >
          {orgs.length > 1 ? (
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="wall-org" className="text-sm font-medium text-stone-800">
                {t("chooseOrg")}
              </label>
              <select
                id="wall-org"
                name="orgId"
                defaultValue={chosen.id}
                className={`${inputClass} max-w-full sm:w-80`}
              >
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {orgLabel(o, locale, true)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="orgId" value={chosen.id} />
          )}
          {wall.evaluates ? (
            <label className="inline-flex min-h-11 items-center gap-2 text-sm text-stone-900">
              <input
                type="checkbox"
                name="awaiting"
                value="1"
                defaultChecked={onlyAwaiting}
                className="h-4 w-4"
              />
              {t("onlyAwaiting")}
            </label>
          ) : null}
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-50"
          >
            {t("show")}
          </button>
        </form>
      ) : null}

      {wall.pledges.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700">
          {onlyAwaiting ? t("emptyAwaiting") : t("empty")}
        </p>
      ) : (
        <>
          {wall.pledges.length >= PLEDGE_WALL_LIMIT ? (
            <p className="mb-2 text-sm text-stone-600">
              {t("limited", { count: PLEDGE_WALL_LIMIT })}
            </p>
          ) : null}
          <ul className="grid gap-3 md:grid-cols-2">
            {wall.pledges.map((p) => (
              <li
                key={p.id}
                className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="min-w-0 break-words font-semibold text-red-900">
                    <Link href={`/pledges/${p.id}`} className="underline-offset-2 hover:underline">
                      {p.title}
                    </Link>
                  </h2>
                  {wall.evaluates && p.counts.awaiting > 0 ? (
                    <VerdictBadge
                      kind="none"
                      label={t("awaitingBadge", { count: p.counts.awaiting })}
                    />
                  ) : null}
                </div>
                <p className="text-sm text-stone-700">
                  {p.member ? t("ownerValue", { name: p.member.name }) : t("orgPledge")} ·{" "}
                  {t("createdAt", { date: formatDateTime(p.createdAt, locale) })}
                  {p.campaign
                    ? ` · ${locale === "en" && p.campaign.nameEn ? p.campaign.nameEn : p.campaign.name}`
                    : null}
                </p>
                <ol className="grid gap-1 text-sm">
                  {p.items.map((item, i) => (
                    <li key={item.id} className="flex flex-wrap items-start justify-between gap-2">
                      <span
                        className={`min-w-0 whitespace-pre-line break-words ${item.withdrawnAt ? "text-stone-500 line-through" : "text-stone-900"}`}
                      >
                        {i + 1}. {item.text}
                      </span>
                      <VerdictBadge
                        kind={verdictKey(item)}
                        label={t(`verdict.${verdictKey(item)}`)}
                      />
                    </li>
                  ))}
                </ol>
                <p className="text-xs text-stone-600">
                  {t("counts", p.counts)} · {t("comments", { count: p._count.comments })}
                </p>
                <div>
                  <Link
                    href={`/pledges/${p.id}`}
                    className="inline-flex min-h-11 items-center text-sm text-red-900 underline underline-offset-2"
                  >
                    {t("open")}
                    <span className="sr-only"> — {p.title}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
