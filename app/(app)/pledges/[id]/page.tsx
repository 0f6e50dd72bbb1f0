import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import type { Locale } from "@/i18n/config";
import { formatDateTime, formatDay, formatNumber } from "@/lib/format";
import { requireActorForPage } from "@/server/auth/get-actor";
import { getPledge } from "@/server/data/pledges/get-pledge";
import { isAppError } from "@/server/errors";
import { WithdrawEvidenceButton } from "../../me/_components/withdraw-evidence-button";
import {
  CommentForm,
  EvaluateForm,
  ProgressForm,
  WithdrawItemButton,
} from "../_components/item-forms";
import { VerdictBadge, verdictKey } from "../_components/verdict-badge";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActorForPage();
  const pledge = await getPledge(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, pledge };
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const { pledge } = await load(id);
  return { title: pledge.title };
}

/**
 * One pledge: its items with progress (践诺), evidence and verdicts (评诺), and the comments.
 * What the page offers depends on the actor's rights (getPledge): the owner posts progress and
 * withdraws items, evaluators give verdicts, the branch comments. Every text is rendered as text.
 */
export default async function PledgePage({ params, searchParams }: Props) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const { actor, pledge } = await load(id);
  const [t, locale] = await Promise.all([
    getTranslations("pledges"),
    getLocale() as Promise<Locale>,
  ]);
  const orgName = locale === "en" && pledge.org.nameEn ? pledge.org.nameEn : pledge.org.name;
  const owner = pledge.member ? pledge.member.name : t("orgPledge");
  const numberOf = new Map(pledge.items.map((item, i) => [item.id, i + 1]));
  const isOwnMemberPledge = pledge.memberId !== null && pledge.memberId === actor.memberId;

  return (
    <>
      {created === "1" ? (
        <p role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("detail.created")}
        </p>
      ) : null}
      <PageHeader
        title={pledge.title}
        subtitle={
          <>
            {t("detail.madeBy", { name: owner, org: orgName })} ·{" "}
            {t("createdAt", { date: formatDateTime(pledge.createdAt, locale) })}
            {pledge.campaign ? (
              <span className="block">
                {t("campaignValue", {
                  name:
                    locale === "en" && pledge.campaign.nameEn
                      ? pledge.campaign.nameEn
                      : pledge.campaign.name,
                })}
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            <LinkButton href={`/pledges?orgId=${pledge.org.id}`} variant="secondary">
              {t("detail.back")}
            </LinkButton>
            {isOwnMemberPledge ? (
              <LinkButton href="/me" variant="secondary">
                {t("detail.backToMine")}
              </LinkButton>
            ) : null}
          </>
        }
      />

      <section aria-labelledby="pledge-items-h" className="flex flex-col gap-3">
        <h2 id="pledge-items-h" className="text-lg font-semibold text-stone-900">
          {t("detail.items")}
        </h2>
        <ol className="grid gap-4">
          {pledge.items.map((item, i) => {
            const n = i + 1;
            const key = verdictKey(item);
            return (
              <li
                key={item.id}
                className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3
                    className={`min-w-0 whitespace-pre-line break-words font-medium ${item.withdrawnAt ? "text-stone-500 line-through" : "text-stone-900"}`}
                  >
                    {n}. {item.text}
                  </h3>
                  <VerdictBadge kind={key} label={t(`verdict.${key}`)} />
                </div>
                {item.dueDate ? (
                  <p className="text-sm text-stone-600">
                    {t("detail.due", { date: formatDay(item.dueDate, locale) })}
                  </p>
                ) : null}
                {item.verdict ? (
                  <div className="rounded-md bg-stone-50 p-3 text-sm text-stone-800">
                    <p>
                      {t("detail.verdictBy", {
                        name: item.evaluatedBy ?? "—",
                        date: formatDateTime(item.evaluatedAt, locale),
                      })}
                    </p>
                    {item.verdictComment ? (
                      <p className="whitespace-pre-line break-words">
                        {t("detail.verdictComment", { comment: item.verdictComment })}
                      </p>
                    ) : null}
                  </div>
                ) : null}

                <div>
                  <h4 className="text-sm font-semibold text-stone-800">{t("detail.progress")}</h4>
                  {item.progress.length === 0 ? (
                    <p className="text-sm text-stone-600">{t("detail.noProgress")}</p>
                  ) : (
                    <ul className="mt-1 grid gap-2">
                      {item.progress.map((post) => (
                        <li
                          key={post.id}
                          className="rounded-md border border-stone-100 p-2 text-sm"
                        >
                          <p className="whitespace-pre-line break-words text-stone-900">
                            {post.text}
                          </p>
                          <p className="text-xs text-stone-600">
                            {post.author} · {formatDateTime(post.createdAt, locale)}
                          </p>
                          {post.evidence.length > 0 ? (
                            <ul className="mt-1 grid gap-1" aria-label={t("detail.evidence")}>
                              {post.evidence.map((file) => (
                                <li
                                  key={file.id}
                                  className="flex flex-wrap items-center gap-2 text-xs text-stone-700"
                                >
                                  <span className="min-w-0 break-all">
                                    {file.originalName} (
                                    {formatNumber(Math.ceil(file.sizeBytes / 1024), locale)} KB)
                                    {file.withdrawnAt ? ` ${t("detail.withdrawnFile")}` : null}
                                  </span>
                                  {file.canWithdraw ? (
                                    <WithdrawEvidenceButton
                                      evidenceId={file.id}
                                      label={t("detail.withdrawFileLabel", {
                                        name: file.originalName,
                                      })}
                                      text={t("detail.withdrawFile")}
                                      pendingText="…"
                                    />
                                  ) : null}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>

                {item.canPostProgress ? <ProgressForm itemId={item.id} n={n} /> : null}
                {item.canEvaluate ? (
                  <EvaluateForm
                    itemId={item.id}
                    version={item.version}
                    n={n}
                    current={{ verdict: item.verdict, comment: item.verdictComment }}
                  />
                ) : null}
                {item.canWithdraw ? (
                  <div>
                    <WithdrawItemButton itemId={item.id} version={item.version} n={n} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="pledge-comments-h" className="mt-8 flex flex-col gap-3">
        <h2 id="pledge-comments-h" className="text-lg font-semibold text-stone-900">
          {t("detail.comments")}
        </h2>
        {pledge.comments.length === 0 ? (
          <p className="text-sm text-stone-600">{t("detail.noComments")}</p>
        ) : (
          <ul className="grid gap-2">
            {pledge.comments.map((c) => (
              <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
                {c.itemId && numberOf.has(c.itemId) ? (
                  <p className="text-xs text-stone-600">
                    {t("detail.onItem", { n: numberOf.get(c.itemId)! })}
                  </p>
                ) : null}
                <p className="whitespace-pre-line break-words text-stone-900">{c.text}</p>
                <p className="text-xs text-stone-600">
                  {c.author} · {formatDateTime(c.createdAt, locale)}
                </p>
              </li>
            ))}
          </ul>
        )}
        {pledge.access.canComment ? (
          <CommentForm
            pledgeId={pledge.id}
            items={pledge.items
              .filter((item) => !item.withdrawnAt)
              .map((item) => ({ id: item.id, n: numberOf.get(item.id)! }))}
          />
        ) : null}
      </section>
    </>
  );
}
