import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";
import { SessionProviderClient } from "@/app/ui/site/session-provider-client";
import { AccountNavClient } from "@/app/ui/site/account-nav-client";

export const metadata: Metadata = {
  title: {
    default: "Red and Black October — a study guide",
    template: "%s · Red and Black October study guide",
  },
  description:
    "Lessons and quizzes generated from “Red and Black October: An Anarchist Perspective on the Russian Revolution” (Black Rose Anarchist Federation, 2017) and MACG's “Hail the October Revolution”.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <SessionProviderClient>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
          >
            Skip to content
          </a>
          <header className="sticky top-0 z-40 border-b border-stone-200 bg-stone-50/90 backdrop-blur dark:border-stone-800 dark:bg-stone-950/90">
            <nav
              aria-label="Main"
              className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm sm:gap-x-5"
            >
              {/* On a phone the brand takes the first row and the links share the second. */}
              <Link
                href="/"
                className="flex w-full items-center gap-2 font-semibold tracking-tight sm:mr-auto sm:w-auto"
              >
                <span
                  aria-hidden
                  className="inline-block h-4 w-4 rounded-sm bg-gradient-to-br from-accent-600 from-50% to-stone-900 to-50% dark:to-stone-200"
                />
                Red &amp; Black October
              </Link>
              <Link href="/#modules" className="hover:underline">
                Lessons
              </Link>
              <Link href="/references" className="hover:underline">
                References
              </Link>
              <AccountNavClient />
            </nav>
          </header>
          <div id="main" tabIndex={-1} className="outline-none">
            {children}
          </div>
          <footer className="mx-auto mt-16 max-w-5xl border-t border-stone-200 px-4 py-8 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
            <p>
              Texts: Black Rose Anarchist Federation (2017) and the Melbourne Anarchist Communist Group
              (2017), as circulated by the A-Infos news service. Lessons and questions are generated from the
              texts; nothing is written by hand.
            </p>
          </footer>
        </SessionProviderClient>
      </body>
    </html>
  );
}
