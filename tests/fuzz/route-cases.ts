import { GET as rosterGet } from "../../app/api/activities/roster/route";
import { GET as memberSearchGet } from "../../app/api/activities/member-search/route";
import { GET as importTemplateGet } from "../../app/api/members/import-template/route";
import { GET as dashboardExportGet } from "../../app/api/dashboard/export/route";
import { GET as evidenceGet } from "../../app/api/evidence/[id]/route";
import { GET as campaignExportGet } from "../../app/api/campaigns/[id]/export/route";
import { GET as calendarGet } from "../../app/api/calendar/[token]/route";
import type { TenantFixture } from "../factories/tenant-fixture";

/**
 * The session-bound route handlers of app/api, called in-process (their exported GET with a real
 * Request and the test session) with another tenant's ids, out-of-subtree ids, no session or the
 * wrong role. The next-auth route (app/api/auth) is next-auth's own and carries no ids; its POST
 * endpoints are covered by the Origin check.
 */
export type RouteContext = {
  tenants: [TenantFixture, TenantFixture];
  /** Every row id of each tenant. */
  ids: Map<string, Set<string>>;
  /** Campaign and evidence ids of each tenant. */
  campaigns: Map<string, string[]>;
  evidence: Map<string, string[]>;
};

/** The parts of a generated call a route case uses. */
export type RouteDraw = {
  kind: string;
  actorTenant: number;
  role: string;
  scopedRole: string;
  pick: number;
  mask: boolean[];
};

export type RouteCall = {
  kind: "foreign" | "subtree" | "noSession" | "wrongRole";
  actor: TenantFixture;
  role: string | null;
  url: string;
  send: () => Promise<Response>;
  /** null when the response is a refusal (or an answer) that shows nothing across the boundary. */
  judge: (response: Response) => Promise<string | null>;
};

type RouteCase = { name: string; plan: (ctx: RouteContext, draw: RouteDraw) => RouteCall };

const BASE = "http://127.0.0.1:3000";
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** What must never appear in an answer to `actor`: the other tenant, or (subtree) c2/b21. */
function forbiddenTokens(ctx: RouteContext, actor: TenantFixture, subtree: boolean): string[] {
  if (subtree) {
    const slug = actor.slug;
    return [
      actor.orgs.c2!.id,
      actor.orgs.b21!.id,
      ...[0, 1, 2].map((i) => actor.members[`b21-${i}`]!),
      `${slug}-b21`,
      `${slug}-c2`,
      `${slug}-B21`.toUpperCase(),
    ];
  }
  const other = ctx.tenants.find((t) => t !== actor)!;
  return [other.tenantId, other.slug, other.slug.toUpperCase(), ...ctx.ids.get(other.tenantId)!];
}

function judge(
  allowed: number[],
  forbidden: string[],
): (response: Response) => Promise<string | null> {
  return async (response) => {
    const body = await response.text();
    if (!allowed.includes(response.status))
      return `status ${response.status} (expected ${allowed.join("/")}): ${body.slice(0, 200)}`;
    if (response.status >= 400 && body.trim().length === 0)
      return `status ${response.status} with no message`;
    const leaked = forbidden.filter((token) => body.includes(token));
    if (leaked.length) return `answer shows ${leaked.slice(0, 3).join(", ")}`;
    return null;
  };
}

function setup(ctx: RouteContext, draw: RouteDraw, kinds: RouteCall["kind"][]) {
  const kind = kinds.includes(draw.kind as RouteCall["kind"])
    ? (draw.kind as RouteCall["kind"])
    : kinds[draw.pick % kinds.length]!;
  const actor = ctx.tenants[draw.actorTenant]!;
  const other = ctx.tenants[1 - draw.actorTenant]!;
  const role =
    kind === "noSession"
      ? null
      : kind === "subtree"
        ? draw.scopedRole
        : kind === "wrongRole"
          ? "member"
          : draw.role;
  return { kind, actor, other, role };
}

const request = (url: string) => new Request(url, { headers: { host: "127.0.0.1:3000" } });

export const ROUTE_CASES: RouteCase[] = [
  {
    name: "GET /api/activities/roster",
    plan: (ctx, draw) => {
      const { kind, actor, other, role } = setup(ctx, draw, ["foreign", "subtree", "noSession"]);
      const orgId =
        kind === "foreign"
          ? pick(Object.values(other.orgs), draw.pick).id
          : kind === "subtree"
            ? pick([actor.orgs.c2!.id, actor.orgs.b21!.id], draw.pick)
            : actor.orgs.b11!.id;
      const url = `${BASE}/api/activities/roster?orgId=${orgId}&date=2026-03-10`;
      return {
        kind,
        actor,
        role,
        url,
        send: () => rosterGet(request(url)),
        judge: judge(
          kind === "noSession" ? [401] : [403, 404],
          forbiddenTokens(ctx, actor, kind === "subtree"),
        ),
      };
    },
  },
  {
    name: "GET /api/activities/member-search",
    plan: (ctx, draw) => {
      const { kind, actor, other, role } = setup(ctx, draw, ["foreign", "subtree", "noSession"]);
      const target = kind === "subtree" ? actor : other;
      const branch = kind === "subtree" ? "b21" : pick(["b11", "b12", "b21"], draw.pick);
      const q = pick(
        [
          `${target.slug}-${branch}-${draw.pick % 3}`.toUpperCase(),
          `${target.slug}-${branch}`,
          target.members[`${branch}-${draw.pick % 3}`]!,
          `%${branch}%`,
          "_",
        ],
        draw.pick >> 2,
      );
      const url = `${BASE}/api/activities/member-search?q=${encodeURIComponent(q)}`;
      return {
        kind,
        actor,
        role,
        url,
        send: () => memberSearchGet(request(url)),
        // An answer is fine (the actor's own members may match), as long as nothing crosses.
        judge: judge(
          kind === "noSession" ? [401] : [200],
          forbiddenTokens(ctx, actor, kind === "subtree" && role !== "member"),
        ),
      };
    },
  },
  {
    name: "GET /api/members/import-template",
    plan: (ctx, draw) => {
      const { kind, actor, role } = setup(ctx, draw, ["wrongRole", "noSession"]);
      const url = `${BASE}/api/members/import-template?format=${pick(["csv", "xlsx"], draw.pick)}`;
      return {
        kind,
        actor,
        role,
        url,
        send: () => importTemplateGet(request(url)),
        judge: judge(kind === "noSession" ? [401] : [403], []),
      };
    },
  },
  {
    name: "GET /api/dashboard/export",
    plan: (ctx, draw) => {
      const { kind, actor, other, role } = setup(ctx, draw, ["foreign", "subtree", "noSession"]);
      const table = pick(["rollup", "heatmap", "atRisk", "trend"], draw.pick);
      const ownCampaign = pick(ctx.campaigns.get(actor.tenantId)!, draw.pick);
      let query: string;
      let allowed: number[];
      if (kind === "foreign" && draw.mask[0]) {
        // Another tenant's campaign: not found.
        query = `campaignId=${pick(ctx.campaigns.get(other.tenantId)!, draw.pick)}`;
        allowed = [403, 404];
      } else if (kind === "foreign") {
        // An own campaign filtered by the other tenant's organizations: nothing of theirs shows.
        query = `campaignId=${ownCampaign}&orgIds=${pick(Object.values(other.orgs), draw.pick).id}`;
        allowed = [200, 403, 404];
      } else if (kind === "subtree") {
        query = `campaignId=${ownCampaign}&orgIds=${pick([actor.orgs.c2!.id, actor.orgs.b21!.id], draw.pick)}`;
        allowed = [200, 403, 404];
      } else {
        query = `campaignId=${ownCampaign}`;
        allowed = [401];
      }
      const url = `${BASE}/api/dashboard/export?table=${table}&format=csv&${query}`;
      return {
        kind,
        actor,
        role,
        url,
        send: () => dashboardExportGet(request(url)),
        judge: judge(allowed, forbiddenTokens(ctx, actor, kind === "subtree")),
      };
    },
  },
  {
    name: "GET /api/evidence/[id]",
    plan: (ctx, draw) => {
      const { kind, actor, other, role } = setup(ctx, draw, ["foreign", "noSession"]);
      const id =
        kind === "foreign"
          ? pick(ctx.evidence.get(other.tenantId)!, draw.pick)
          : pick(ctx.evidence.get(actor.tenantId)!, draw.pick);
      const url = `${BASE}/api/evidence/${id}`;
      return {
        kind,
        actor,
        role,
        url,
        send: () => evidenceGet(request(url), { params: Promise.resolve({ id }) }),
        judge: judge(kind === "noSession" ? [401] : [404], forbiddenTokens(ctx, actor, false)),
      };
    },
  },
  {
    name: "GET /api/campaigns/[id]/export",
    plan: (ctx, draw) => {
      const { kind, actor, other, role } = setup(ctx, draw, ["foreign", "subtree", "noSession"]);
      const file = pick(["", "campaign", "records"], draw.pick);
      const subtree = kind === "subtree";
      const id = pick(
        ctx.campaigns.get(kind === "foreign" ? other.tenantId : actor.tenantId)!,
        draw.pick,
      );
      const url = `${BASE}/api/campaigns/${id}/export${file ? `?file=${file}` : ""}`;
      // Within the own tenant a scoped reader may get the definition-only template, never the
      // records of organizations outside their subtree.
      const allowed = kind === "noSession" ? [401] : subtree ? [200, 403, 404] : [403, 404];
      return {
        kind,
        actor,
        role,
        url,
        send: () => campaignExportGet(request(url), { params: Promise.resolve({ id }) }),
        judge: judge(allowed, forbiddenTokens(ctx, actor, subtree)),
      };
    },
  },
  {
    name: "GET /api/calendar/[token]",
    plan: (ctx, draw) => {
      const { actor } = setup(ctx, draw, ["noSession"]);
      const token = pick(
        [
          "A".repeat(43),
          `${[...ctx.ids.get(ctx.tenants[1 - draw.actorTenant]!.tenantId)!][draw.pick % 5]!.replace(/-/g, "")}.ics`,
          "../../etc/passwd",
          "' OR 1=1 --",
          "x".repeat(20),
        ],
        draw.pick,
      );
      const url = `${BASE}/api/calendar/${encodeURIComponent(token)}`;
      return {
        kind: "noSession",
        actor,
        role: null,
        url,
        send: () => calendarGet(request(url), { params: Promise.resolve({ token }) }),
        judge: judge([404], forbiddenTokens(ctx, actor, false)),
      };
    },
  },
];
