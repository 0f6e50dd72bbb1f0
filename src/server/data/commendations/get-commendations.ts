import type { CommendationCategory, NominationStatus } from "@/generated/prisma/enums";
import { todayInShanghai } from "@/lib/format";
import type { Actor } from "../../authz/actor";
import { can, isWithinSubtree, scopeRoots } from "../../authz/scope";
import { withTenant } from "../../tenant-tx";
import { isoDay } from "../campaigns/campaign-rules";
import {
  findWindowOrThrow,
  windowStage,
  type EligibilityCheck,
  type WindowStage,
} from "./commendation-rules";

export type WindowSummary = {
  id: string;
  title: string;
  year: number;
  rootOrgName: string;
  stage: WindowStage;
  nominationStartsOn: string;
  nominationEndsOn: string;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
};

type Option = { id: string; name: string };

/** Every window of the tenant (the notice is public within the university), newest first. */
export async function listCommendationWindows(
  actor: Actor,
  today: string = todayInShanghai(),
): Promise<{ windows: WindowSummary[]; roots: Option[]; campaigns: Option[] }> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const rows = await tx.commendationWindow.findMany({
      where: { tenantId },
      include: { rootOrg: { select: { name: true } } },
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      take: 100,
    });
    const manageRoots = scopeRoots(actor, "commendation.manage");
    const roots =
      manageRoots.length > 0
        ? await tx.organization.findMany({
            where: {
              tenantId,
              validTo: null,
              id: { in: manageRoots.map((p) => p.split("/").at(-1)!) },
            },
            select: { id: true, name: true },
          })
        : [];
    const campaigns =
      manageRoots.length > 0
        ? await tx.campaign.findMany({
            where: { tenantId, status: { not: "DRAFT" } },
            select: { id: true, name: true },
            orderBy: { startDate: "desc" },
            take: 50,
          })
        : [];
    return {
      windows: rows.map((w) => ({
        id: w.id,
        title: w.title,
        year: w.year,
        rootOrgName: w.rootOrg.name,
        stage: windowStage(w, today),
        nominationStartsOn: isoDay(w.nominationStartsOn),
        nominationEndsOn: isoDay(w.nominationEndsOn),
        noticeStartsOn: w.noticeStartsOn ? isoDay(w.noticeStartsOn) : null,
        noticeEndsOn: w.noticeEndsOn ? isoDay(w.noticeEndsOn) : null,
      })),
      roots,
      campaigns,
    };
  });
}

export type NominationView = {
  id: string;
  category: CommendationCategory;
  nomineeName: string;
  nominatingOrgName: string;
  citation: string;
  status: NominationStatus;
  reviewNote: string | null;
  eligibility: EligibilityCheck[];
};

export type ObjectionView = {
  id: string;
  nominationId: string;
  text: string;
  /** Null for an anonymous objection: nobody can see who filed it. */
  filedByName: string | null;
  createdAt: string;
  answer: string | null;
  upheld: boolean | null;
};

export type WindowView = {
  window: WindowSummary & {
    minMemberStars: number;
    minOrgStars: number;
    campaignId: string | null;
    publishedAt: string | null;
    finalizedAt: string | null;
  };
  mayManage: boolean;
  /** Organizations the caller may nominate for, and whom (members, organizations of those subtrees). */
  nominatingOrgs: Option[];
  memberOptions: Option[];
  orgOptions: Option[];
  /** What the caller may see: everything for the department; their own organizations' nominations
   *  for nominators; the accepted list once published, for everyone. */
  nominations: NominationView[];
  objections: ObjectionView[];
};

export async function getCommendationWindow(
  actor: Actor,
  id: string,
  today: string = todayInShanghai(),
): Promise<WindowView> {
  return withTenant(actor.tenantId, async (tx) => {
    const tenantId = actor.tenantId;
    const w = await findWindowOrThrow(tx, actor, id);
    const stage = windowStage(w, today);
    const mayManage = can(actor, "commendation.manage", w.rootOrg.path);
    const nominateRoots = scopeRoots(actor, "commendation.nominate").filter((p) =>
      isWithinSubtree(p, w.rootOrg.path),
    );
    // An actor whose scope covers the window root nominates for the root itself.
    if (can(actor, "commendation.nominate", w.rootOrg.path))
      nominateRoots.splice(0, nominateRoots.length, w.rootOrg.path);
    const nominatingOrgs =
      stage === "nominating" && nominateRoots.length > 0
        ? await tx.organization.findMany({
            where: { tenantId, id: { in: nominateRoots.map((p) => p.split("/").at(-1)!) } },
            select: { id: true, name: true },
          })
        : [];
    const subtree = nominateRoots.flatMap((root) => [
      { path: root },
      { path: { startsWith: root + "/" } },
    ]);
    const [memberOptions, orgOptions] =
      nominatingOrgs.length > 0
        ? await Promise.all([
            tx.member.findMany({
              where: { tenantId, leftAt: null, org: { OR: subtree } },
              select: { id: true, name: true, number: true },
              orderBy: { number: "asc" },
              take: 400,
            }),
            tx.organization.findMany({
              where: { tenantId, validTo: null, level: { not: "SCHOOL" }, OR: subtree },
              select: { id: true, name: true },
              orderBy: { path: "asc" },
              take: 400,
            }),
          ])
        : [[], []];

    const rows = await tx.commendationNomination.findMany({
      where: { tenantId, windowId: w.id },
      include: {
        member: { select: { name: true, number: true } },
        org: { select: { name: true } },
        nominatingOrg: { select: { name: true, path: true } },
      },
      orderBy: [{ category: "asc" }, { createdAt: "asc" }],
    });
    const visible = rows.filter(
      (n) =>
        mayManage ||
        (w.publishedAt && n.status === "ACCEPTED") ||
        nominateRoots.some((root) => isWithinSubtree(n.nominatingOrg.path, root)),
    );
    const objections = mayManage
      ? await tx.commendationObjection.findMany({
          where: { tenantId, windowId: w.id },
          orderBy: { createdAt: "asc" },
        })
      : [];
    const filers = await tx.user.findMany({
      where: {
        tenantId,
        id: { in: objections.map((o) => o.filedById).filter((v): v is string => !!v) },
      },
      select: { id: true, displayName: true },
    });
    const filerName = new Map(filers.map((u) => [u.id, u.displayName]));
    return {
      window: {
        id: w.id,
        title: w.title,
        year: w.year,
        rootOrgName: w.rootOrg.name,
        stage,
        nominationStartsOn: isoDay(w.nominationStartsOn),
        nominationEndsOn: isoDay(w.nominationEndsOn),
        noticeStartsOn: w.noticeStartsOn ? isoDay(w.noticeStartsOn) : null,
        noticeEndsOn: w.noticeEndsOn ? isoDay(w.noticeEndsOn) : null,
        minMemberStars: w.minMemberStars,
        minOrgStars: w.minOrgStars,
        campaignId: w.campaignId,
        publishedAt: w.publishedAt?.toISOString() ?? null,
        finalizedAt: w.finalizedAt?.toISOString() ?? null,
      },
      mayManage,
      nominatingOrgs,
      memberOptions: memberOptions.map((m) => ({ id: m.id, name: `${m.name}（${m.number}）` })),
      orgOptions,
      nominations: visible.map((n) => ({
        id: n.id,
        category: n.category,
        nomineeName: n.member ? `${n.member.name}（${n.member.number}）` : (n.org?.name ?? ""),
        nominatingOrgName: n.nominatingOrg.name,
        citation: n.citation,
        status: n.status,
        // The reasons of a review are the department's and the nominator's, not the public's.
        reviewNote:
          mayManage || nominateRoots.some((r) => isWithinSubtree(n.nominatingOrg.path, r))
            ? n.reviewNote
            : null,
        eligibility: n.eligibility as unknown as EligibilityCheck[],
      })),
      objections: objections.map((o) => ({
        id: o.id,
        nominationId: o.nominationId,
        text: o.text,
        filedByName: o.filedById ? (filerName.get(o.filedById) ?? "") : null,
        createdAt: o.createdAt.toISOString(),
        answer: o.answer,
        upheld: o.upheld,
      })),
    };
  });
}
