import type { MetadataRoute } from "next";
import { siteUrl } from "@/app/lib/site-url";

/** Lessons and references are for everyone; personal pages and the API are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [
        "/api/",
        "/attempts/",
        "/shared/",
        "/dashboard",
        "/review",
        "/account",
        "/sign-in",
        "/sign-up",
        "/lessons/*/quiz",
      ],
    },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
