import { describe, expect, it } from "vitest";
import { markAnswer, toPublicQuestion } from "@/app/lib/quiz/public-question";
import { checkAnswer, parseQuestionRow, type QuestionRow, type QuizQuestion } from "./questions";

const base = { prompt: "P", evidence: "E sentence.", evidenceAnchor: "p-1" };
const mc: QuestionRow = {
  id: "mc1",
  type: "multiple_choice",
  ...base,
  choices: ["Lenin", "Trotsky", "Kerensky", "Kornilov"],
  answer: "Kerensky",
  accepted: null,
};
const fill: QuestionRow = {
  id: "fb1",
  type: "fill_blank",
  ...base,
  choices: null,
  answer: "Kronstadt",
  accepted: ["Kronshtadt"],
};
const tf: QuestionRow = {
  id: "tf1",
  type: "true_false",
  ...base,
  choices: ["True", "False"],
  answer: "False",
  accepted: null,
};
const ord: QuestionRow = {
  id: "or1",
  type: "ordering",
  ...base,
  choices: ["c", "a", "b"],
  answer: ["a", "b", "c"],
  accepted: null,
};
const mat: QuestionRow = {
  id: "ma1",
  type: "matching",
  ...base,
  choices: ["y", "z", "x"],
  answer: [
    ["A", "x"],
    ["B", "y"],
    ["C", "z"],
  ],
  accepted: null,
};

function parsed(row: QuestionRow): QuizQuestion {
  const q = parseQuestionRow(row);
  if (!q) throw new Error("unparsed");
  return q;
}

describe("public shape", () => {
  it("never carries the key, the accepted forms or the evidence", () => {
    for (const row of [mc, fill, tf, ord, mat]) {
      for (let seed = 0; seed < 20; seed++) {
        const pub = toPublicQuestion(parsed(row), seed) as Record<string, unknown>;
        expect(Object.keys(pub).sort()).not.toContain("answer");
        expect(pub).not.toHaveProperty("accepted");
        expect(pub).not.toHaveProperty("evidence");
        expect(pub).not.toHaveProperty("evidenceAnchor");
        expect(JSON.stringify(pub)).not.toContain("E sentence");
      }
    }
    expect(JSON.stringify(toPublicQuestion(parsed(fill), 1))).not.toContain("Kronstadt");
  });

  it("never shows ordering items already in the right order", () => {
    for (let seed = 0; seed < 200; seed++) {
      const pub = toPublicQuestion(parsed(ord), seed);
      if (pub.type !== "ordering") throw new Error();
      expect(pub.items).not.toEqual(["a", "b", "c"]);
    }
  });

  it("shuffles multiple-choice options per seed but keeps True before False", () => {
    const orders = new Set(
      Array.from({ length: 30 }, (_, s) => JSON.stringify(toPublicQuestion(parsed(mc), s))),
    );
    expect(orders.size).toBeGreaterThan(3);
    expect(toPublicQuestion(parsed(tf), 3)).toMatchObject({ choices: ["True", "False"] });
  });

  it("applies a teacher's edit over the generated row", () => {
    const q = parsed({ ...mc, teacherEdit: { prompt: "Edited?", answer: "Lenin" } });
    expect(q.prompt).toBe("Edited?");
    expect(markAnswer(q, "Lenin").correct).toBe(true);
  });

  it("rejects unusable rows", () => {
    expect(parseQuestionRow({ ...mc, answer: "Stalin" })).toBeNull();
    expect(parseQuestionRow({ ...mc, type: "essay" })).toBeNull();
  });
});

describe("checkAnswer", () => {
  it("accepts only listed choices, permutations and column pairs", () => {
    expect(checkAnswer(parsed(mc), "Stalin").ok).toBe(false);
    expect(checkAnswer(parsed(mc), "Lenin").ok).toBe(true);
    expect(checkAnswer(parsed(ord), ["a", "b"]).ok).toBe(false);
    expect(checkAnswer(parsed(ord), ["a", "b", "d"]).ok).toBe(false);
    expect(checkAnswer(parsed(ord), ["b", "a", "c"]).ok).toBe(true);
    expect(checkAnswer(parsed(mat), [["A", "q"]]).ok).toBe(false);
    expect(
      checkAnswer(parsed(mat), [
        ["A", "x"],
        ["A", "y"],
      ]).ok,
    ).toBe(false);
    expect(checkAnswer(parsed(mat), [["A", "x"]]).ok).toBe(true);
    expect(checkAnswer(parsed(fill), "x".repeat(301)).ok).toBe(false);
    expect(checkAnswer(parsed(fill), ["Kronstadt"]).ok).toBe(false);
  });
});

describe("markAnswer on stored questions", () => {
  it("marks each type, with tolerant typed answers", () => {
    expect(markAnswer(parsed(mc), "Kerensky")).toEqual({ correct: true, score: 1, expected: "Kerensky" });
    expect(markAnswer(parsed(mc), null).correct).toBe(false);
    expect(markAnswer(parsed(fill), "kronstadt").correct).toBe(true);
    expect(markAnswer(parsed(fill), "Kronstad").correct).toBe(true);
    expect(markAnswer(parsed(fill), "Petrograd").correct).toBe(false);
    expect(markAnswer(parsed(fill), "").correct).toBe(false);
    expect(markAnswer(parsed(tf), "False").correct).toBe(true);
    expect(markAnswer(parsed(ord), ["a", "b", "c"]).correct).toBe(true);
    expect(markAnswer(parsed(ord), ["b", "a", "c"]).correct).toBe(false);
    expect(
      markAnswer(parsed(mat), [
        ["C", "z"],
        ["A", "x"],
        ["B", "y"],
      ]).correct,
    ).toBe(true);
    expect(
      markAnswer(parsed(mat), [
        ["A", "x"],
        ["B", "y"],
      ]).correct,
    ).toBe(false);
  });
});
