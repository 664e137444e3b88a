import type { MetadataRoute } from "next";

/** The web app manifest: lets a phone install the guide with its own icon and name. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Red and Black October — a study guide",
    short_name: "Red & Black",
    description:
      "Lessons and quizzes on the Russian Revolution from an anarchist perspective, generated from the texts.",
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#b3261e",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon1.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon2.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon2.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
