import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/i18n/config";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { buildRosterTemplateCsv, buildRosterTemplateXlsx } from "@/server/import/roster-template";

export const dynamic = "force-dynamic";

const FILE_NAMES = { "zh-CN": "党员名册导入模板", en: "member-roster-template" } as const;
const ASCII_NAME = "member-roster-template";

/** RFC 6266/5987: an ASCII name for old clients, and the real (Chinese) name as UTF-8 for the rest. */
function attachment(name: string, extension: string): string {
  return `attachment; filename="${ASCII_NAME}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

/** GET ?format=csv|xlsx — the roster import template, for those who may import (member.manage). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return new Response("登录已失效，请重新登录", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  if (!can(actor, "member.manage")) {
    return new Response("没有权限执行此操作", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const baseName = FILE_NAMES[locale];
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

  if (format === "csv") {
    const body = buildRosterTemplateCsv(locale);
    return new Response(body as BodyInit, {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(baseName, "csv"),
      },
    });
  }
  const body = await buildRosterTemplateXlsx(locale);
  return new Response(body as BodyInit, {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(baseName, "xlsx"),
    },
  });
}
