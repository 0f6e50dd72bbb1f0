/**
 * The session cookie. Always HttpOnly and SameSite=Lax; over https (NEXTAUTH_URL starts with
 * https://) also Secure and named with the __Host- prefix, which browsers accept only from a
 * secure origin, for path "/" and without a Domain: no subdomain can plant or read it.
 */
export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: usesSecureCookies(),
  };
}
