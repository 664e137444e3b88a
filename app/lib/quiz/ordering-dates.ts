/**
 * The date the text gives each event of a chronology question, for the "right order" shown
 * after answering. Events are the sentences' clauses with their date taken out, and a generated
 * question's evidence lines run parallel to its answer (earliest first), so each event's date
 * is the date phrase of its own evidence line that the event's wording does not contain.
 */
import { findTimes } from "./generate/time";

/** One date per event as written in the text ("March 1921", "25 October"); null where none is found. */
export function orderingDates(answer: readonly string[], evidence: string): (string | null)[] {
  const lines = evidence.split("\n");
  // A teacher's edit can change the events: without one line per event, no date can be trusted.
  if (lines.length !== answer.length) return answer.map(() => null);
  return answer.map((event, i) => {
    const times = findTimes(lines[i] ?? "").filter((t) => !event.includes(t.text));
    const pick = times.find((t) => t.precision !== "range") ?? times[0];
    return pick?.text ?? null;
  });
}
