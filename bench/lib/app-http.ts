// The built app (`next start`) as a child process, and the HTTP requests a browser sends to it:
// the next-auth credentials login and server actions (POST to the page with `Next-Action`).
// Shared by bench/load-http.ts and bench/crash-safety.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type AppServer = {
  base: string;
  child: ChildProcess;
  /** SIGKILL to the server's process group: no shutdown hooks, no flushing. */
  kill: () => Promise<void>;
  /** Ends the server normally (SIGTERM, then SIGKILL after 5 s). */
  stop: () => Promise<void>;
};

export type AppEnv = {
  databaseUrl: string;
  port: number;
  evidenceDir?: string;
  /** Extra environment (e.g. DATABASE_POOL_SIZE). */
  env?: Record<string, string>;
  /** Appends the server's stderr (errors with their causes) to this file. */
  logFile?: string;
  /** Flags for the node process itself, before Next's script (e.g. --cpu-prof, not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
};

/**
 * CPU seconds (user + system) used so far by the processes whose process group or command
 * matches (Linux /proc, 10 ms ticks): wall times on a shared VM wander, CPU per request much less.
 */
export function cpuSeconds(match: { pgid?: number; command?: RegExp }): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the command: state(0) ppid(1) pgrp(2) … utime(11) stime(12).
      const hit =
        (match.pgid !== undefined && Number(fields[2]) === match.pgid) ||
        (match.command !== undefined && match.command.test(command));
      if (hit) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

/** Starts `next start` on 127.0.0.1:port (the build in .next must exist) and waits until /login answers. */
export async function startApp(options: AppEnv): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("no build in .next: run `npx next build` first");
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(options.port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      detached: true, // own process group, so a kill reaches Next's workers and nothing else
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: "load-test-secret-not-for-production-0123456789",
        NEXTAUTH_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
        ...(options.evidenceDir ? { EVIDENCE_DIR: options.evidenceDir } : {}),
        ...options.env,
      },
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    if (options.logFile) appendFileSync(options.logFile, d);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const server: AppServer = {
    base,
    child,
    kill: async () => {
      signalGroup("SIGKILL");
      await exited;
    },
    stop: async () => {
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${stderr}`);
    try {
      const res = await fetch(`${base}/login`, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`next start did not answer within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Keep-alive connections for the load client. `fetch` (undici) cost the client 9–19 ms of CPU per
 * page on this machine (it decompresses and buffers every body); a load generator on the same
 * 2 cores should take as little of them as it can, so the runs use plain `http.request`.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type LightResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as text when `readBody` was asked for, otherwise "". */
  body: string;
  /** Bytes received (compressed, as sent). */
  bytes: number;
};

/**
 * One HTTP request over the shared keep-alive agent. It asks for gzip as a browser does, so the
 * server compresses as it would for a browser, but the body is only counted, not decompressed,
 * unless `readBody` (then no compression is asked for).
 */
export async function lightRequest(
  url: string,
  options: Parameters<typeof requestOnce>[1] = {},
): Promise<LightResponse> {
  try {
    return await requestOnce(url, options);
  } catch (error) {
    // A kept-alive connection the server closed just as it was reused: a browser sends an
    // idempotent request again on a new connection, and so does this client (GET only).
    const reused = (error as { reusedSocket?: boolean }).reusedSocket;
    const code = (error as { code?: string }).code;
    if (reused && code === "ECONNRESET" && (options.method ?? "GET") === "GET")
      return requestOnce(url, options);
    throw error;
  }
}

function requestOnce(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer;
    signal?: AbortSignal;
    readBody?: boolean;
  } = {},
): Promise<LightResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: options.method ?? "GET",
        headers: {
          ...(options.readBody ? {} : { "accept-encoding": "gzip, deflate, br" }),
          ...options.headers,
          ...(options.body ? { "content-length": String(options.body.length) } : {}),
        },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on("data", (d: Buffer) => {
          bytes += d.length;
          if (options.readBody) chunks.push(d);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: options.readBody ? Buffer.concat(chunks).toString("utf8") : "",
            bytes,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(options.body);
  });
}

/** A multipart/form-data body of string fields, as a browser's FormData encodes it. */
export function multipartBody(fields: readonly (readonly [string, string])[]): {
  body: Buffer;
  contentType: string;
} {
  const boundary = `----loadclient${randomBytes(12).toString("hex")}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";", 1)[0]!);
}

/** The next-auth credentials login, as the login page does it: returns the Cookie header value. */
export async function login(
  base: string,
  school: string,
  username: string,
  password: string,
): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = setCookies(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.join("; "),
      origin: base,
    },
    body: new URLSearchParams({ csrfToken, school, username, password, json: "true" }),
  });
  await res.arrayBuffer();
  const session = setCookies(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login ${school}/${username} failed (HTTP ${res.status})`);
  return session;
}

type ManifestEntry = { exportedName?: string; filename?: string };

/** Server action ids by exported name, from the build's server-reference manifest. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) ids.set(entry.exportedName, id);
  }
  return ids;
}

export type ActionResponse = {
  status: number;
  /** `x-action-redirect` (e.g. "/activities/<id>?saved=submitted;push"), when the action redirected. */
  redirect: string | null;
  body: string;
};

/**
 * Calls a `useActionState` server action the way React's client does: POST to the page with
 * `Next-Action: <id>` and a multipart body encoding the arguments (prevState, formData): the form's
 * fields prefixed `_1_` and the argument list `0` = `[null,"$K1"]`.
 */
export async function callAction(
  base: string,
  pagePath: string,
  actionId: string,
  cookie: string,
  fields: readonly (readonly [string, string])[],
  signal?: AbortSignal,
): Promise<ActionResponse> {
  const { body, contentType } = multipartBody([
    ...fields.map(([name, value]) => [`_1_${name}`, value] as const),
    ["0", JSON.stringify([null, "$K1"])],
  ]);
  const res = await lightRequest(`${base}${pagePath}`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": contentType,
      "next-action": actionId,
      origin: base,
      cookie,
    },
    body,
    readBody: true,
    ...(signal ? { signal } : {}),
  });
  const redirect = res.headers["x-action-redirect"];
  return {
    status: res.status,
    redirect: typeof redirect === "string" ? redirect : null,
    body: res.body,
  };
}

/** The record id in a recording's redirect ("/activities/<id>?saved=…"), or null. */
export function recordIdFromRedirect(redirect: string | null): string | null {
  const m = redirect?.match(/\/activities\/([0-9a-f-]{36})/);
  return m?.[1] ?? null;
}

/** The form fields of the review queue's approve button for a record at its first version. */
export function approvalFields(id: string): [string, string][] {
  return [
    ["id", id],
    ["version", "1"],
  ];
}

/** The form fields of "保存并提交" for a concentrated study session (集中学习, counted by the seeded campaigns) with these attendees (all present). */
export function recordingFields(input: {
  idempotencyKey: string;
  orgId: string;
  date: string;
  topic: string;
  attendees: readonly string[];
}): [string, string][] {
  const fields: [string, string][] = [
    ["idempotencyKey", input.idempotencyKey],
    ["orgId", input.orgId],
    ["type", "CONCENTRATED_STUDY"],
    ["topic", input.topic],
    ["date", input.date],
    ["durationHours", "2"],
    ["startTime", "14:30"],
    ["days", ""],
    ["place", "党员活动室"],
    ["hostMemberId", ""],
    ["content", "学习贯彻会议精神，交流学习体会。"],
  ];
  for (const id of input.attendees) {
    fields.push(
      ["attendee", id],
      ["present", id],
      [`absenceReason.${id}`, ""],
      [`hours.${id}`, ""],
    );
  }
  fields.push(["intent", "submit"]);
  return fields;
}

/** Percentile (nearest rank) of an ascending-sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
