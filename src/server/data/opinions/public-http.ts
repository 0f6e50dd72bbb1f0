import { OPINION_BODY_MAX_BYTES } from "@/lib/schemas/opinion";
import { isAppError } from "../../errors";
import { lookupReceipt, submitPublicOpinion } from "./public-opinion";

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

function reply(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

/**
 * The body as text, or null when it is larger than `max` bytes: a declared Content-Length over
 * the limit is refused before anything is read, and a body without one is read only up to the
 * limit.
 */
async function readLimited(request: Request, max: number): Promise<string | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The client's address as the proxy in front reports it (first X-Forwarded-For hop). */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}

/** A cross-site form must not post opinions in a visitor's name: a foreign Origin is refused. */
function foreignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function readJson(request: Request): Promise<{ value: unknown } | Response> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return reply(415, { ok: false, message: "请求格式不正确" });
  const text = await readLimited(request, OPINION_BODY_MAX_BYTES);
  if (text === null)
    return reply(413, {
      ok: false,
      message: "提交内容过长，请精简后再试",
      fieldErrors: { body: ["内容过长，请精简后再试"] },
    });
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return reply(400, { ok: false, message: "请求格式不正确" });
  }
}

/** POST /api/o/[token]: one opinion or evaluation response, as JSON. */
export async function handlePublicSubmit(request: Request, token: string): Promise<Response> {
  if (foreignOrigin(request)) return reply(403, { ok: false, message: "请求来源不正确" });
  const body = await readJson(request);
  if (body instanceof Response) return body;
  try {
    const { receipt } = await submitPublicOpinion(token, body.value, {
      ip: clientAddress(request),
      userAgent: request.headers.get("user-agent") ?? "",
    });
    return reply(201, { ok: true, receipt });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status =
      error.code === "NOT_FOUND"
        ? 404
        : error.code === "CONFLICT"
          ? 409
          : error.code === "RATE_LIMITED"
            ? 429
            : 400;
    return reply(
      status,
      { ok: false, message: error.message, fieldErrors: error.fieldErrors },
      status === 429 ? { "Retry-After": "600" } : {},
    );
  }
}

/** POST /api/o/[token]/receipt: the answer to one's own opinion, by receipt code. */
export async function handleReceiptLookup(request: Request, token: string): Promise<Response> {
  if (foreignOrigin(request)) return reply(403, { ok: false, message: "请求来源不正确" });
  const body = await readJson(request);
  if (body instanceof Response) return body;
  const code = (body.value as { code?: unknown } | null)?.code;
  const found = typeof code === "string" ? await lookupReceipt(token, code) : null;
  if (!found) return reply(404, { ok: false, message: "未找到该回执码对应的意见" });
  return reply(200, {
    ok: true,
    opinion: {
      body: found.body,
      createdAt: found.createdAt.toISOString(),
      answer: found.answer,
      answeredAt: found.answeredAt?.toISOString() ?? null,
      rectification: found.rectification,
      rectificationNote: found.rectificationNote,
      rectifiedAt: found.rectifiedAt?.toISOString() ?? null,
    },
  });
}
