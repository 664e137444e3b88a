import Link from "next/link";
import type { ResultView } from "@/app/lib/attempts/views";
import { parseEvidenceHref, type ResultContext } from "@/app/lib/content/result-context";

function opening(text: string, words = 12): string {
  const parts = text.replace(/_{3,}/g, "…").trim().split(/\s+/);
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")}…`;
}

const PROMPT_LEAD = /^True or false\?\s*(According to the lesson:\s*)?/;

/**
 * The top of a result: the questions missed, grouped by the part of the lesson they come from,
 * each linked to its feedback below and to the paragraph to reread.
 */
export function ResultOverview({ result, context }: { result: ResultView; context: ResultContext }) {
  const groups = new Map<string, { n: number; prompt: string; href: string }[]>();
  result.items.forEach((item, i) => {
    if (item.correct) return;
    const where = parseEvidenceHref(item.evidenceHref);
    const label =
      where && (result.target.kind === "module" || where.slug !== result.target.slug)
        ? `From “${context.lessonTitles[where.slug] ?? "another lesson"}”`
        : (where?.anchor && context.sectionOf[where.anchor]) || "The lesson text";
    const list = groups.get(label) ?? [];
    list.push({ n: i + 1, prompt: item.question.prompt.replace(PROMPT_LEAD, ""), href: item.evidenceHref });
    groups.set(label, list);
  });
  if (groups.size === 0) return null;
  const missed = [...groups.values()].reduce((sum, g) => sum + g.length, 0);
  const link = "text-accent-700 underline hover:no-underline dark:text-accent-300";
  return (
    <section
      aria-labelledby="result-overview-heading"
      className="mt-4 rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      data-testid="result-overview"
    >
      <h2 id="result-overview-heading" className="text-lg font-semibold">
        What you missed ({missed})
      </h2>
      {[...groups].map(([label, items]) => (
        <div key={label} className="mt-3" data-testid="result-overview-group">
          <h3 className="text-sm font-semibold text-stone-700 dark:text-stone-300">{label}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {items.map((m) => (
              <li key={m.n}>
                <a href={`#feedback-${m.n}`} className={link}>
                  Question {m.n}
                </a>
                : {opening(m.prompt)}{" "}
                <Link
                  href={m.href}
                  className="whitespace-nowrap text-stone-600 underline hover:no-underline dark:text-stone-400"
                >
                  reread
                  <span className="sr-only"> the passage for question {m.n}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
