import type { AttemptSummary } from "@/app/lib/progress/progress-views";
import { MASTERY_PERCENT } from "@/app/lib/progress/mastery";
import { formatDate, formatDateTime } from "./format";
import { formatScore } from "@/app/lib/progress/scoring";

/**
 * Quiz scores over time: a hand-written SVG line chart (one point per submitted attempt, in
 * order) described for screen readers by its title and summary, with the same data as a table
 * right under it. No chart library, no client JavaScript.
 */
const W = 480;
const H = 240;
const PAD = { top: 16, right: 12, bottom: 30, left: 50 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

const y = (percent: number) => PAD.top + plotH - (percent / 100) * plotH;

export function ScoreChart({ history, timeZone }: { history: AttemptSummary[]; timeZone: string }) {
  if (history.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-700 dark:border-stone-700 dark:text-stone-300"
        data-testid="chart-empty"
      >
        No quiz scores yet. Your scores will be charted here after your first quiz.
      </p>
    );
  }
  const n = history.length;
  const x = (i: number) => (n === 1 ? PAD.left + plotW / 2 : PAD.left + (i / (n - 1)) * plotW);
  const points = history.map((a, i) => `${x(i).toFixed(1)},${y(a.percent).toFixed(1)}`).join(" ");
  const first = history[0]!;
  const last = history[n - 1]!;
  const best = Math.max(...history.map((a) => a.percent));
  const average = Math.round(history.reduce((s, a) => s + a.percent, 0) / n);
  const summary =
    n === 1
      ? `One quiz so far: ${last.percent}% on “${last.lessonTitle}”, ${formatDate(last.submittedAt, timeZone)}.`
      : `${n} quizzes from ${formatDate(first.submittedAt, timeZone)} to ${formatDate(last.submittedAt, timeZone)}. ` +
        `First ${first.percent}%, latest ${last.percent}%, best ${best}%, average ${average}%.`;

  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="score-chart-title score-chart-desc"
        className="h-auto w-full max-w-xl text-stone-600 dark:text-stone-400"
        data-testid="score-chart"
      >
        <title id="score-chart-title">Quiz scores over time</title>
        <desc id="score-chart-desc">{summary}</desc>
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(p)}
              y2={y(p)}
              className="stroke-stone-200 dark:stroke-stone-800"
              strokeWidth={1}
            />
            <text x={PAD.left - 8} y={y(p) + 5} textAnchor="end" fontSize={14} fill="currentColor">
              {p}%
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(MASTERY_PERCENT)}
          y2={y(MASTERY_PERCENT)}
          className="stroke-emerald-600 dark:stroke-emerald-400"
          strokeWidth={1.5}
          strokeDasharray="6 4"
        />
        <text
          x={W - PAD.right}
          y={y(MASTERY_PERCENT) - 5}
          textAnchor="end"
          fontSize={13}
          className="fill-emerald-700 dark:fill-emerald-300"
        >
          mastery {MASTERY_PERCENT}%
        </text>
        {n > 1 && (
          <polyline
            points={points}
            fill="none"
            className="stroke-accent-600 dark:stroke-accent-300"
            strokeWidth={2.5}
            strokeLinejoin="round"
          />
        )}
        {history.map((a, i) => (
          <circle
            key={a.id}
            cx={x(i)}
            cy={y(a.percent)}
            r={4.5}
            className="fill-accent-600 stroke-white dark:fill-accent-300 dark:stroke-stone-950"
            strokeWidth={1.5}
          >
            <title>{`${a.lessonTitle}: ${formatScore(a.score)}/${a.total} (${a.percent}%), ${formatDate(a.submittedAt, timeZone)}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 6} fontSize={14} fill="currentColor">
          {formatDate(first.submittedAt, timeZone)}
        </text>
        {n > 1 && (
          <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize={14} fill="currentColor">
            {formatDate(last.submittedAt, timeZone)}
          </text>
        )}
      </svg>
      <figcaption className="mt-2 text-sm text-stone-700 dark:text-stone-300">{summary}</figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-accent-700 underline hover:no-underline dark:text-accent-300">
          Show the scores as a table
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="score-table">
            <caption className="sr-only">Quiz scores over time, oldest first</caption>
            <thead>
              <tr className="border-b border-stone-300 dark:border-stone-700">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Date
                </th>
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Lesson
                </th>
                <th scope="col" className="py-1.5 text-right font-semibold">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((a) => (
                <tr key={a.id} className="border-b border-stone-200 dark:border-stone-800">
                  <td className="whitespace-nowrap py-1.5 pr-3">{formatDateTime(a.submittedAt, timeZone)}</td>
                  <td className="py-1.5 pr-3">{a.lessonTitle}</td>
                  <td className="whitespace-nowrap py-1.5 text-right tabular-nums">
                    {formatScore(a.score)}/{a.total} ({a.percent}%)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
