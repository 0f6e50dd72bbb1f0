import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sessionCookieName, sessionCookieOptions, usesSecureCookies } from "./cookies";
import { endSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { verifyLogin } from "./verify-login";

export { SESSION_MAX_AGE_SECONDS } from "./sessions";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | null {
  const value = headers?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The client address as the reverse proxy reports it (first X-Forwarded-For hop), for the account page. */
function clientAddress(headers: HeaderBag): string | null {
  return header(headers, "x-forwarded-for")?.split(",")[0]?.trim() || header(headers, "x-real-ip");
}

/**
 * next-auth (credentials, JWT in an encrypted cookie). The cookie names a server-side session
 * (UserSession), checked on every request by getActor: the session's idle and absolute
 * timeouts and its revocation are enforced there, not by the cookie's own expiry.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  useSecureCookies: usesSecureCookies(),
  cookies: {
    sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
  },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        school: { label: "School", type: "text" },
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const school = credentials?.school ?? "";
        const username = credentials?.username ?? "";
        const password = credentials?.password ?? "";
        if (!school || !username || !password || password.length > 200) throw new Error("INVALID");
        const result = await verifyLogin({
          school,
          username,
          password,
          client: {
            userAgent: header(req?.headers, "user-agent"),
            ipAddress: clientAddress(req?.headers),
          },
        });
        if (!result.ok) {
          // The message travels to the login form as `error`; the form turns it into words.
          throw new Error(
            result.reason === "LOCKED"
              ? `LOCKED:${result.lockedUntil.toISOString()}`
              : result.reason,
          );
        }
        return {
          id: result.userId,
          tenantId: result.tenantId,
          sessionVersion: result.sessionVersion,
          sessionId: result.sessionId,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as {
          id: string;
          tenantId: string;
          sessionVersion: number;
          sessionId: string;
        };
        token.uid = u.id;
        token.tid = u.tenantId;
        token.sv = u.sessionVersion;
        token.sid = u.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      // The client sees no ids; pages and actions resolve the actor on the server.
      return {
        expires: session.expires,
        user: { name: session.user?.name ?? null },
      } as typeof session;
      void token;
    },
  },
  events: {
    // Logging out ends the server-side session: a copy of the cookie taken before is worthless.
    async signOut({ token }) {
      const { uid, tid, sid } = (token ?? {}) as { uid?: unknown; tid?: unknown; sid?: unknown };
      if (typeof uid !== "string" || typeof tid !== "string" || typeof sid !== "string") return;
      await endSession({ tenantId: tid, userId: uid, sessionId: sid, reason: "logout" });
    },
  },
};
