import type { FeedbackItem } from "@/app/lib/attempts/views";
import { wordDiff, type DiffWord } from "./word-diff";

const LEAD = /^True or false\?\s*(According to the lesson:\s*)?/;

function Words({ words, Mark }: { words: DiffWord[]; Mark: "del" | "mark" }) {
  return (
    <>
      {words.map((w, i) => (
        <span key={i}>
          {i > 0 && " "}
          {w.changed ? (
            <Mark
              className={
                Mark === "del"
                  ? "rounded bg-rose-100 px-0.5 text-rose-900 line-through dark:bg-rose-950 dark:text-rose-100"
                  : "rounded bg-amber-100 px-0.5 font-semibold text-amber-950 dark:bg-amber-900/60 dark:text-amber-50"
              }
            >
              {w.text}
            </Mark>
          ) : (
            w.text
          )}
        </span>
      ))}
    </>
  );
}

/**
 * For a false true/false statement: what was changed from the lesson's sentence, the changed
 * words struck through in the statement and highlighted in the sentence.
 */
export function StatementChange({ item }: { item: FeedbackItem }) {
  if (item.question.type !== "true_false" || item.expected !== "False") return null;
  const original = item.evidence.split("\n")[0] ?? "";
  const diff = wordDiff(item.question.prompt.replace(LEAD, ""), original);
  if (!diff.statement.some((w) => w.changed) && !diff.original.some((w) => w.changed)) return null;
  return (
    <div
      className="mt-3 rounded-md bg-stone-100 p-3 text-sm dark:bg-stone-800/60"
      data-testid="statement-change"
    >
      <p className="font-medium">What was changed</p>
      <p className="mt-1">
        <span className="text-stone-600 dark:text-stone-400">The statement: </span>
        <Words words={diff.statement} Mark="del" />
      </p>
      <p className="mt-1">
        <span className="text-stone-600 dark:text-stone-400">The lesson: </span>
        <Words words={diff.original} Mark="mark" />
      </p>
    </div>
  );
}
