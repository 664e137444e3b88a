import type { MetadataRoute } from "next";
import { getModules } from "@/app/lib/content";
import { siteUrl } from "@/app/lib/site-url";

/** The public pages: home, both modules, every lesson and the references. */
export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  const modules = getModules();
  return [
    { url: `${base}/`, priority: 1 },
    ...modules.map((m) => ({ url: `${base}/modules/${m.slug}`, priority: 0.8 })),
    ...modules.flatMap((m) => m.lessons.map((l) => ({ url: `${base}/lessons/${l.slug}`, priority: 0.7 }))),
    { url: `${base}/references`, priority: 0.5 },
  ];
}
