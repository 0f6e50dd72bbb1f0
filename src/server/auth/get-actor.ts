import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { recordSecurityEvent } from "../audit/record-security-event";
import { AppError } from "../errors";
import type { Actor } from "../authz/actor";
import type { Permission } from "../authz/permissions";
import { can } from "../authz/scope";
import { sessionCookieName } from "./cookies";
import { loadSessionActor } from "./load-actor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SessionToken = { uid: string; tid: string; sv: number; sid: string };

/** The decrypted session cookie of this request, or null (absent, forged, or from before server-side sessions). */
export async function readSessionToken(): Promise<SessionToken | null> {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const token = await getToken({
    req: {
      headers: Object.fromEntries(headerStore.entries()),
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
    } as never,
    secret: process.env.NEXTAUTH_SECRET,
    cookieName: sessionCookieName(),
  });
  if (!token) return null;
  const { uid, tid, sid } = token;
  if (typeof uid !== "string" || typeof tid !== "string" || typeof sid !== "string") return null;
  if (!UUID.test(uid) || !UUID.test(tid) || !UUID.test(sid)) return null;
  return { uid, tid, sid, sv: Number(token.sv ?? 0) };
}

/**
 * The signed-in actor for this request, or null. Cached per request; loaded from the
 * database every request, together with the server-side session, so that logging out,
 * disabling an account, changing its password or an idle session cuts it off at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  const { actor } = await loadSessionActor(token);
  return actor;
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActorForPage(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For server actions and route handlers: the actor, or an UNAUTHENTICATED error. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
  return actor;
}

/**
 * For pages: the actor when they hold `permission` (anywhere, or over `orgPath`); otherwise a
 * 404, and the refusal is audited (authz.page_denied).
 */
export async function requirePagePermission(
  permission: Permission,
  orgPath?: string,
): Promise<Actor> {
  const actor = await requireActorForPage();
  if (!can(actor, permission, orgPath)) {
    await recordSecurityEvent(actor, {
      action: "authz.page_denied",
      entityType: "Permission",
      entityId: permission,
      after: { permission, orgPath: orgPath ?? null },
    });
    notFound();
  }
  return actor;
}
