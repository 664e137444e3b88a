import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReviewCardView, ReviewFeedbackView } from "@/app/lib/progress/review-views";
import { ReviewFeedback } from "./review-feedback";

const lesson = { slug: "kronstadt", title: "What happened at Kronstadt?" };
const card: ReviewCardView = {
  question: { id: "q-1", type: "ordering", prompt: "Put these in order.", items: ["a", "b"] },
  lesson,
  reps: 1,
};

function render(hrefs: string[]): string {
  const feedback: ReviewFeedbackView = {
    questionId: "q-1",
    correct: false,
    answer: ["b", "a"],
    expected: ["a", "b"],
    evidence: hrefs.map((_, i) => `Line ${i}.`).join("\n"),
    evidenceHref: hrefs[0] ?? "",
    evidenceLinks: hrefs.map((href, i) => ({ text: `Line ${i}.`, href })),
    lesson,
    nextDueAt: "2026-01-02T00:00:00.000Z",
  };
  return renderToStaticMarkup(
    createElement(ReviewFeedback, {
      card,
      feedback,
      timeZone: "UTC",
      lessonTitles: { kronstadt: lesson.title, makhno: "Who was Nestor Makhno?" },
    }),
  );
}

describe("review feedback", () => {
  it("names the other lesson an evidence link opens, as quiz feedback does", () => {
    const html = render(["/lessons/kronstadt#p-3", "/lessons/makhno#p-7"]);
    expect(html).toContain("Read it in the lesson");
    expect(html).toContain("Read it in “Who was Nestor Makhno?”");
    expect(html).toContain("(another lesson)");
  });

  it("says only “the lesson” when every line is in the card's own lesson", () => {
    const html = render(["/lessons/kronstadt#p-3"]);
    expect(html).not.toContain("another lesson");
    expect(html).not.toContain("Read it in “");
  });
});
