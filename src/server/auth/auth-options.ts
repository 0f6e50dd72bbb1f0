import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyLogin } from "./verify-login";

/** Absolute session lifetime; the idle check lives in get-actor.ts. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        school: { label: "School", type: "text" },
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const school = credentials?.school ?? "";
        const username = credentials?.username ?? "";
        const password = credentials?.password ?? "";
        if (!school || !username || !password || password.length > 200) throw new Error("INVALID");
        const result = await verifyLogin({ school, username, password });
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
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; tenantId: string; sessionVersion: number };
        token.uid = u.id;
        token.tid = u.tenantId;
        token.sv = u.sessionVersion;
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
};
