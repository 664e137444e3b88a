import { describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import { generateQuestionBank } from "./generate";
import { orderingDates } from "./ordering-dates";

describe("orderingDates", () => {
  it("gives each event the date of its own evidence line, as the text writes it", () => {
    expect(
      orderingDates(
        ["workers went on strike", "the sailors rose", "the Party banned factions"],
        [
          "In February 1917, workers went on strike.",
          "The sailors rose on 1 March 1921 (Old Style).",
          "At its Tenth Congress in 1921, the Party banned factions.",
        ].join("\n"),
      ),
    ).toEqual(["February 1917", "1 March 1921", "1921"]);
  });

  it("skips a date the event's own wording holds, and gives null where the line has none", () => {
    expect(
      orderingDates(
        ["the 1905 veterans met again", "they left"],
        "In 1917 the 1905 veterans met again.\nThey left.",
      ),
    ).toEqual(["1917", null]);
    // Evidence that no longer runs parallel to the events (a teacher's edit) gives no dates.
    expect(orderingDates(["a", "b", "c"], "In 1917 a.\nIn 1918 b.")).toEqual([null, null, null]);
  });

  it("finds a date for every event of every generated chronology question", () => {
    const bank = generateQuestionBank(getGuide());
    const ordering = bank.lessons.flatMap((l) => l.questions).filter((q) => q.type === "ordering");
    expect(ordering.length).toBeGreaterThan(0);
    for (const q of ordering) expect(orderingDates(q.answer, q.evidence), q.id).not.toContain(null);
  });
});
