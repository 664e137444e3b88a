/**
 * Where to go after signing in. Only same-site paths are accepted, so a crafted link cannot
 * bounce a freshly signed-in user to another site ("//evil.example", "/\\evil.example").
 */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  const raw: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length > 512) return fallback;
  let candidate = raw;
  // next-auth sometimes hands back absolute URLs on our own origin; keep only the path.
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      const own = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
      if (typeof window !== "undefined" ? url.host !== window.location.host : url.host !== own)
        return fallback;
      candidate = url.pathname + url.search + url.hash;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  if (candidate.startsWith("/sign-in") || candidate.startsWith("/sign-up")) return fallback;
  return candidate;
}

/** The class code of a join link (`/join/<code>`) used as the place to come back to, if it is one. */
export function joinCodeOfCallback(callbackUrl: string): string | undefined {
  const match = /^\/join\/([^/?#]{1,40})$/.exec(callbackUrl);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
