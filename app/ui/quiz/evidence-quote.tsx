import Link from "next/link";

/**
 * The lesson sentence(s) an answer comes from, each linked to its paragraph. Shared by quiz
 * feedback and review feedback; no hooks, so server and client components can both use it.
 */
export function EvidenceQuote({
  links,
  linkTestId,
  srSuffix,
  otherLessonTitle,
  noteOther = true,
}: {
  links: readonly { text: string; href: string }[];
  linkTestId: string;
  /** Screen-reader text after "Read it in the lesson" for the j-th link (tells several apart). */
  srSuffix?: (index: number) => string | null;
  /** The title of the lesson a link opens when it is not the lesson in hand (else null). */
  otherLessonTitle?: (href: string) => string | null;
  /** Add "(another lesson)" after such a link (not in a module test, where every lesson is in hand). */
  noteOther?: boolean;
}) {
  return (
    <figure className="mt-3 border-l-4 border-stone-300 pl-3 text-sm dark:border-stone-700">
      <figcaption className="sr-only">From the lesson</figcaption>
      {links.map((line, j) => {
        const suffix = srSuffix?.(j);
        const other = otherLessonTitle?.(line.href) ?? null;
        return (
          <blockquote key={j} className={j > 0 ? "mt-2" : undefined}>
            <p className="italic text-stone-800 dark:text-stone-200">{line.text}</p>
            <p className="mt-1">
              <Link
                href={line.href}
                className="text-accent-700 underline hover:no-underline dark:text-accent-300"
                data-testid={linkTestId}
              >
                {other ? `Read it in “${other}”` : "Read it in the lesson"}
                {suffix && <span className="sr-only"> {suffix}</span>}
              </Link>
              {other && noteOther && (
                <span className="text-stone-600 dark:text-stone-400"> (another lesson)</span>
              )}
            </p>
          </blockquote>
        );
      })}
    </figure>
  );
}
