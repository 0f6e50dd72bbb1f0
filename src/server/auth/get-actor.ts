import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { AppError } from "../errors";
import type { Actor } from "../authz/actor";
import type { Permission } from "../authz/permissions";
import { can } from "../authz/scope";
import { loadActor } from "./load-actor";

async function readToken(): Promise<{ uid: string; tid: string; sv: number } | null> {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const token = await getToken({
    req: {
      headers: Object.fromEntries(headerStore.entries()),
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
    } as never,
    secret: process.env.NEXTAUTH_SECRET,
  });
  if (!token || typeof token.uid !== "string" || typeof token.tid !== "string") return null;
  return { uid: token.uid, tid: token.tid, sv: Number(token.sv ?? 0) };
}

/**
 * The signed-in actor for this request, or null. Cached per request; loaded from the
 * database every request so that disabling an account or changing its password cuts off
 * existing sessions at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await readToken();
  if (!token) return null;
  return loadActor(token.tid, token.uid, token.sv);
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

/** For pages: the actor when they hold `permission` (anywhere, or over `orgPath`); otherwise a 404. */
export async function requirePagePermission(
  permission: Permission,
  orgPath?: string,
): Promise<Actor> {
  const actor = await requireActorForPage();
  if (!can(actor, permission, orgPath)) notFound();
  return actor;
}
