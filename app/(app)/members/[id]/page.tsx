import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { formatDay, toDateInput, todayInShanghai } from "@/lib/format";
import type { Locale } from "@/i18n/config";
import { requireActorForPage } from "@/server/auth/get-actor";
import { isAppError } from "@/server/errors";
import { getMember } from "@/server/data/members/get-member";
import { listMemberOrgs } from "@/server/data/members/list-member-orgs";
import { EditMemberForm } from "./_components/edit-member-form";
import { TransferMemberForm } from "./_components/transfer-member-form";
import { positionLabel } from "../_components/position-label";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

// Once per request: the page and its metadata both need the member.
const load = cache(async (id: string) => {
  const actor = await requireActorForPage();
  const detail = await getMember(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, detail };
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const { detail } = await load(id);
  return { title: detail.member.name };
}

export default async function MemberPage({ params, searchParams }: Props) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const { actor, detail } = await load(id);
  const { member, memberships, canManage } = detail;
  const [t, tc, locale] = await Promise.all([
    getTranslations("members"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const editable = canManage && !member.leftAt;
  const targets = editable
    ? (await listMemberOrgs(actor, "manage")).filter((o) => o.id !== member.orgId)
    : [];
  const today = todayInShanghai();
  const orgName = (org: { name: string; nameEn: string | null }) =>
    locale === "en" && org.nameEn ? org.nameEn : org.name;

  const facts: [string, string][] = [
    [t("fields.number"), member.number],
    [t("fields.gender"), tc(`gender.${member.gender}`)],
    [t("fields.org"), orgName(member.org)],
    [t("fields.status"), tc(`memberStatus.${member.status}`)],
    [t("fields.developmentStage"), tc(`developmentStage.${member.developmentStage}`)],
    [t("fields.category"), tc(`memberCategory.${member.category}`)],
    [t("fields.cadreLevel"), tc(`cadreLevel.${member.cadreLevel}`)],
    [
      t("fields.positions"),
      member.positions.map((p) => positionLabel(p, tc, t)).join("、") || t("detail.none"),
    ],
    [t("fields.joinedAt"), formatDay(member.joinedAt, locale)],
    [t("fields.fullMemberAt"), formatDay(member.fullMemberAt, locale)],
    [t("fields.birthDate"), formatDay(member.birthDate, locale)],
    [t("fields.phone"), member.phone ?? "—"],
  ];

  return (
    <>
      {created === "1" ? (
        <p role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("detail.created")}
        </p>
      ) : null}
      <PageHeader
        title={member.name}
        subtitle={
          <>
            {member.number} · {orgName(member.org)}
            {member.leftAt ? (
              <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5">
                {t("detail.left", { date: formatDay(member.leftAt, locale) })}
              </span>
            ) : null}
          </>
        }
        actions={
          <LinkButton href="/members" variant="secondary">
            {t("detail.backToRoster")}
          </LinkButton>
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="member-info-h">
          <h2 id="member-info-h" className="mb-2 font-semibold">
            {t("detail.info")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-stone-600">{label}</dt>
                <dd className="text-stone-900">{value}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="member-history-h">
          <h2 id="member-history-h" className="mb-2 font-semibold">
            {t("detail.history")}
          </h2>
          {memberships.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noHistory")}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("detail.historyCaption")}</caption>
                <thead className="bg-stone-50 text-stone-700">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("detail.historyOrg")}
                    </th>
                    <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t("detail.historyFrom")}
                    </th>
                    <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                      {t("detail.historyTo")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("detail.historyReason")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {memberships.map((m) => (
                    <tr key={m.id}>
                      <th scope="row" className="px-3 py-2 font-normal">
                        {orgName(m.org)}
                        <span className="block text-xs text-stone-500">{m.org.code}</span>
                      </th>
                      <td className="whitespace-nowrap px-3 py-2">
                        {formatDay(m.validFrom, locale)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        {m.validTo ? formatDay(m.validTo, locale) : t("detail.current")}
                      </td>
                      <td className="px-3 py-2">{m.reason ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>

      {editable ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <EditMemberForm
            id={member.id}
            version={member.version}
            today={today}
            values={{
              number: member.number,
              name: member.name,
              gender: member.gender,
              status: member.status,
              category: member.category,
              cadreLevel: member.cadreLevel,
              positions: member.positions.join(","),
              joinedAt: toDateInput(member.joinedAt),
              fullMemberAt: toDateInput(member.fullMemberAt),
              birthDate: toDateInput(member.birthDate),
              phone: member.phone ?? "",
            }}
          />
          <TransferMemberForm
            memberId={member.id}
            version={member.version}
            currentOrgName={orgName(member.org)}
            targets={targets}
            today={today}
          />
        </div>
      ) : !canManage ? (
        <p className="mt-6 text-sm text-stone-600">{t("detail.readOnly")}</p>
      ) : null}
    </>
  );
}
