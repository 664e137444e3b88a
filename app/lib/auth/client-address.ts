/**
 * The client's address, for the per-address sign-in ceiling.
 *
 * Next.js does not give route handlers the socket; it copies the socket address into
 * `X-Forwarded-For` only when the request carries no such header. So:
 * - TRUST_PROXY=n (n proxies in front, each appending to X-Forwarded-For): the n-th entry from
 *   the right, the address the outermost trusted proxy saw; a client cannot forge it.
 * - TRUST_PROXY unset or 0 (clients connect directly): the last entry, which is the socket
 *   address unless the client sent its own header. Such a client can choose its key, so the
 *   per-address ceiling is best effort there; the per-account limit does not depend on it.
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(source: HeaderSource | undefined, trustedProxies: number): string {
  if (!source) return "unknown";
  const forwarded = (header(source, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return header(source, "x-real-ip")?.trim() || "unknown";
  const fromRight = Math.max(1, trustedProxies);
  const entry = forwarded[Math.max(0, forwarded.length - fromRight)]!;
  // One client, one key: IPv4-mapped IPv6 and the IPv4 form are the same address.
  return entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}
