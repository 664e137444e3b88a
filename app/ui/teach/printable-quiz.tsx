import type { PrintableQuiz } from "@/app/lib/quiz/printable";
import type { PublicQuestion } from "@/app/lib/quiz/public-question";
import { formatAnswer } from "@/app/ui/quiz/format";

const letter = (j: number) => String.fromCharCode(65 + j);

/** Room to answer, by question type. */
function AnswerSpace({ q }: { q: PublicQuestion }) {
  switch (q.type) {
    case "multiple_choice":
    case "true_false":
      return (
        <ul className="mt-1 space-y-0.5 pl-5">
          {q.choices.map((c, j) => (
            <li key={c}>
              ☐ {letter(j)}. {c}
            </li>
          ))}
        </ul>
      );
    case "fill_blank":
      return <p className="mt-2">Answer: ________________________________________</p>;
    case "ordering":
      return (
        <>
          <p className="mt-1 text-sm">Number these from first (1) to last:</p>
          <ul className="mt-1 space-y-0.5 pl-5">
            {q.items.map((item) => (
              <li key={item}>____ {item}</li>
            ))}
          </ul>
        </>
      );
    case "matching":
      return (
        <>
          <p className="mt-1 text-sm">Write the letter of the matching item:</p>
          <div className="mt-1 grid grid-cols-2 gap-4">
            <ul className="space-y-0.5">
              {q.left.map((l) => (
                <li key={l}>____ {l}</li>
              ))}
            </ul>
            <ul className="space-y-0.5">
              {q.right.map((r, j) => (
                <li key={r}>
                  {letter(j)}. {r}
                </li>
              ))}
            </ul>
          </div>
        </>
      );
  }
}

/**
 * A quiz on paper: questions with room to answer, then the answer key on a page of its own.
 * Print styles: no site header or footer, black on white, questions kept whole across pages;
 * margins suit both A4 and Letter (the browser's paper size is used).
 */
export function PrintableQuizView({ quiz }: { quiz: PrintableQuiz }) {
  return (
    <main className="printable mx-auto max-w-3xl px-4 py-8 text-stone-900 dark:text-stone-100 print:max-w-none print:p-0 print:text-black">
      <style>{`@media print { @page { margin: 16mm 14mm; } header, footer, .no-print { display: none !important; } body { background: #fff; } .printable li { break-inside: avoid; } .answer-key { break-before: page; } }`}</style>
      <p className="no-print mb-4 text-sm text-stone-600 dark:text-stone-400">
        Use your browser&apos;s Print command (A4 or Letter); the answer key prints on its own page.
      </p>
      <h1 className="text-2xl font-bold">Quiz: {quiz.title}</h1>
      <p className="mt-2">Name: ______________________________ Date: ______________</p>
      <ol className="mt-6 space-y-6">
        {quiz.items.map(({ question: q }, i) => (
          <li key={q.id}>
            <p className="font-medium">
              {i + 1}. {q.prompt.replace(/_{3,}/g, "__________")}
            </p>
            <AnswerSpace q={q} />
          </li>
        ))}
      </ol>
      <section className="answer-key mt-12 border-t border-stone-300 pt-6" aria-labelledby="answer-key">
        <h2 id="answer-key" className="text-xl font-bold">
          Answer key: {quiz.title}
        </h2>
        <ol className="mt-4 space-y-3 text-sm">
          {quiz.items.map((item, i) => (
            <li key={item.question.id}>
              <strong>
                {i + 1}. {formatAnswer(item.expected)}
              </strong>
              <span className="block italic">
                “{item.evidence}” ({item.lesson.title})
              </span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
