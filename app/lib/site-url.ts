import { env } from "./env";

/** The site's public origin (for the sitemap and robots.txt), from NEXTAUTH_URL. */
export function siteUrl(): string {
  return (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
