import type { Metadata } from "next";
import { getGuide } from "@/app/lib/content";

export const metadata: Metadata = { title: "References" };

export default function ReferencesPage() {
  const { references } = getGuide();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">References</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        The back matter of “Red and Black October”: the works it cites and what its authors recommend.
      </p>
      {references.map((list) => (
        <section key={list.slug} aria-labelledby={list.slug} className="mt-10">
          <h2 id={list.slug} className="text-xl font-semibold">
            {list.heading}{" "}
            <span className="text-sm font-normal text-stone-600 dark:text-stone-400">
              ({list.entries.length})
            </span>
          </h2>
          <ul className="mt-3 space-y-2 font-serif">
            {list.entries.map((entry) => (
              <li key={entry} className="border-l-2 border-stone-300 pl-3 dark:border-stone-700">
                {entry}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
