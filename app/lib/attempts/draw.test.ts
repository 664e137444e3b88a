import { describe, expect, it } from "vitest";
import { drawModuleTestIds, drawQuestionIds, type ModuleTestCandidate } from "./draw";

const types = ["multiple_choice", "fill_blank", "true_false", "ordering", "matching"];
const bank = Array.from({ length: 25 }, (_, i) => ({
  id: `q${String(i).padStart(2, "0")}`,
  type: types[i % 5] as string,
}));
const none = { seen: new Set<string>(), missed: new Set<string>() };

describe("drawQuestionIds", () => {
  it("draws 10 distinct questions by default, fewer when the bank is smaller", () => {
    const ids = drawQuestionIds(bank, none, 42);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(drawQuestionIds(bank.slice(0, 4), none, 42)).toHaveLength(4);
    expect(drawQuestionIds([], none, 42)).toEqual([]);
  });

  it("is a pure function of the seed and the candidate set (not its order)", () => {
    const a = drawQuestionIds(bank, none, 7);
    expect(drawQuestionIds([...bank].reverse(), none, 7)).toEqual(a);
    expect(drawQuestionIds(bank, none, 8)).not.toEqual(a);
  });

  it("mixes types: every type appears and no type repeats back to back", () => {
    const ids = drawQuestionIds(bank, none, 99);
    const drawnTypes = ids.map((id) => bank.find((q) => q.id === id)?.type);
    expect(new Set(drawnTypes).size).toBe(5);
    for (let i = 1; i < drawnTypes.length; i++) expect(drawnTypes[i]).not.toBe(drawnTypes[i - 1]);
  });

  it("prefers unseen questions, then missed ones", () => {
    const first = drawQuestionIds(bank, none, 1);
    const seen = new Set(first);
    const second = drawQuestionIds(bank, { seen, missed: new Set() }, 2);
    expect(second.filter((id) => seen.has(id))).toEqual([]);
    // Only 5 unseen left: the rest are the missed ones first.
    const seen2 = new Set([...first, ...second]);
    const missed = new Set(first.slice(0, 5));
    const third = drawQuestionIds(bank, { seen: seen2, missed }, 3);
    const unseen = bank.filter((q) => !seen2.has(q.id)).map((q) => q.id);
    expect(third.filter((id) => unseen.includes(id)).sort()).toEqual(unseen.sort());
    expect(third.filter((id) => missed.has(id)).sort()).toEqual([...missed].sort());
  });
});

describe("true and false statements", () => {
  // Ten statements, two of them false, beside four other types.
  const statements = Array.from({ length: 10 }, (_, i) => ({
    id: `tf${i}`,
    type: "true_false",
    answer: i < 2 ? "False" : "True",
  }));
  const others = bank.filter((q) => q.type !== "true_false");
  const answerOf = (id: string) => statements.find((q) => q.id === id)?.answer;

  it("take turns while the lesson has both: a draw with two statements has one of each", () => {
    let pairs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const drawn = drawQuestionIds([...statements, ...others], none, seed, 10)
        .map(answerOf)
        .filter(Boolean);
      if (drawn.length < 2) continue;
      pairs++;
      expect(drawn.filter((a) => a === "False").length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      expect(drawn.filter((a) => a === "True").length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it("still fill a draw when every statement is true", () => {
    const allTrue = statements.map((q) => ({ ...q, answer: "True" }));
    expect(drawQuestionIds(allTrue, none, 3, 10)).toHaveLength(10);
  });
});

describe("one question per sentence", () => {
  it("counts a sentence cited inside a longer evidence line as the same sentence", () => {
    const pair = [
      {
        id: "why",
        type: "true_false",
        evidence: "The Reds took hostages. In response, the sailors took up arms.",
      },
      { id: "who", type: "multiple_choice", evidence: "The Reds took hostages." },
    ];
    for (let seed = 1; seed <= 10; seed++) expect(drawQuestionIds(pair, none, seed)).toHaveLength(1);
  });

  it("never draws two questions on the same evidence sentence, even when the quiz gets shorter", () => {
    const withEvidence = bank.map((q, i) => ({ ...q, evidence: `s${i % 12}` }));
    for (const seed of [1, 5, 9, 13]) {
      const ids = drawQuestionIds(withEvidence, none, seed);
      const sentences = ids.map((id) => withEvidence.find((q) => q.id === id)?.evidence);
      expect(ids).toHaveLength(10);
      expect(new Set(sentences).size).toBe(10);
    }
    // Only 3 sentences for 6 questions: 3 questions drawn.
    const tiny = bank.slice(0, 6).map((q, i) => ({ ...q, evidence: `s${i % 3}` }));
    expect(drawQuestionIds(tiny, none, 5)).toHaveLength(3);
  });

  it("treats each line of a multi-line evidence (chronology, matching) as used", () => {
    const items = [
      { id: "a", type: "ordering", evidence: "s1\ns2\ns3" },
      { id: "b", type: "multiple_choice", evidence: "s2" },
      { id: "c", type: "fill_blank", evidence: "s4" },
    ];
    const ids = drawQuestionIds(items, none, 3);
    expect(ids.includes("a") && ids.includes("b")).toBe(false);
    expect(ids).toContain("c");
  });
});

describe("questions of understanding", () => {
  const mixed = Array.from({ length: 30 }, (_, i) => ({
    id: `m${String(i).padStart(2, "0")}`,
    type: types[i % 3] as string,
    evidence: `s${i}`,
    skill: i % 10 === 0 || i === 7 || i === 13 ? "cause" : "fact",
  }));

  it("take at least three of ten places when the bank has them", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ids = drawQuestionIds(mixed, none, seed);
      const n = ids.filter((id) => mixed.find((q) => q.id === id)?.skill === "cause").length;
      expect(n, `seed ${seed}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("a bank without them still gives a full quiz", () => {
    const facts = mixed.map((q) => ({ ...q, skill: "fact" }));
    expect(drawQuestionIds(facts, none, 1)).toHaveLength(10);
  });
});

describe("type variety", () => {
  /** Nine questions on their own sentences, and one matching question sharing a definition's sentence. */
  const lesson = [
    ...Array.from({ length: 9 }, (_, i) => ({
      id: `v${i}`,
      type: types[i % 3] as string,
      evidence: `s${i}`,
      skill: i < 4 ? "definition" : "fact",
    })),
    { id: "match", type: "matching", evidence: "s9\ns10\ns0", skill: "pairing" },
  ];

  it("an understanding question never takes the sentence of the lesson's only question of a type", () => {
    for (let seed = 0; seed < 50; seed++) {
      const ids = drawQuestionIds(lesson, none, seed);
      expect(ids, `seed ${seed}`).toContain("match");
      expect(ids).not.toContain("v0");
      expect(ids.filter((id) => ["v1", "v2", "v3"].includes(id))).toHaveLength(3);
    }
  });

  it("yields to unseen-first: an unseen understanding twin beats the seen question of a missing type", () => {
    const history = { seen: new Set(["match", "v1", "v2", "v3"]), missed: new Set(["match"]) };
    for (const seed of [1, 2, 3]) {
      const ids = drawQuestionIds(lesson, history, seed);
      expect(ids).toContain("v0");
      expect(ids).not.toContain("match");
    }
  });
});

describe("drawModuleTestIds", () => {
  const kinds = ["multiple_choice", "fill_blank", "true_false"];
  /** Five lessons of ten questions (three of understanding each) and three module-scope chronologies. */
  const lessons: ModuleTestCandidate[] = Array.from({ length: 50 }, (_, i) => ({
    id: `l${Math.floor(i / 10)}-q${i % 10}`,
    type: kinds[i % 3] as string,
    evidence: `lesson ${Math.floor(i / 10)} sentence ${i % 10}`,
    skill: i % 10 < 3 ? "cause" : "fact",
    scope: "lesson",
    lessonPosition: Math.floor(i / 10) + 1,
  }));
  const crossLesson: ModuleTestCandidate[] = [0, 1, 2].map((n) => ({
    id: `m-q${n}`,
    type: "ordering",
    // Each chronology cites a sentence that a lesson question is also made from.
    evidence: `lesson ${n} sentence 5\nlesson ${n + 1} sentence 6`,
    skill: "sequence",
    scope: "module",
    lessonPosition: 5,
  }));
  const bank = [...lessons, ...crossLesson];
  const byId = new Map(bank.map((c) => [c.id, c]));
  const of = (ids: string[]) => ids.map((id) => byId.get(id)!);

  it("draws 20: every module-scope question, then lesson questions spread evenly", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const drawn = of(drawModuleTestIds(bank, none, seed));
      expect(drawn).toHaveLength(20);
      expect(new Set(drawn.map((c) => c.id)).size).toBe(20);
      expect(
        drawn
          .filter((c) => c.scope === "module")
          .map((c) => c.id)
          .sort(),
      ).toEqual(["m-q0", "m-q1", "m-q2"]);
      const perLesson = [1, 2, 3, 4, 5].map(
        (p) => drawn.filter((c) => c.scope === "lesson" && c.lessonPosition === p).length,
      );
      expect(Math.max(...perLesson) - Math.min(...perLesson)).toBeLessThanOrEqual(1);
      expect(perLesson.reduce((a, b) => a + b, 0)).toBe(17);
    }
  });

  it("keeps the lesson quiz's rules: one question per evidence sentence, 30 % understanding, mixed types", () => {
    for (const seed of [7, 8, 9, 10]) {
      const drawn = of(drawModuleTestIds(bank, none, seed));
      const lines = drawn.flatMap((c) => c.evidence!.split("\n"));
      expect(new Set(lines).size).toBe(lines.length);
      expect(drawn.filter((c) => c.skill === "cause").length).toBeGreaterThanOrEqual(6);
      expect(new Set(drawn.map((c) => c.type)).size).toBe(4);
      const lessonTypes = drawn.filter((c) => c.scope === "lesson").map((c) => c.type);
      for (const t of kinds) expect(lessonTypes.filter((x) => x === t).length).toBeGreaterThanOrEqual(4);
    }
  });

  it("orders the test lesson by lesson, module-scope questions last", () => {
    const drawn = of(drawModuleTestIds(bank, none, 11));
    const positions = drawn.map((c) => (c.scope === "module" ? 99 : c.lessonPosition));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("is a pure function of the seed and the candidate set (not its order)", () => {
    const a = drawModuleTestIds(bank, none, 21);
    expect(drawModuleTestIds([...bank].reverse(), none, 21)).toEqual(a);
    expect(drawModuleTestIds(bank, none, 22)).not.toEqual(a);
  });

  it("meets unseen lesson questions on a retake, and draws fewer from a small bank", () => {
    // All facts, so the share reserved for understanding cannot bring a seen question back.
    const facts = bank.map((c) => ({ ...c, skill: "fact" }));
    const first = drawModuleTestIds(facts, none, 31);
    const seen = new Set(first);
    const second = of(drawModuleTestIds(facts, { seen, missed: new Set() }, 32));
    expect(second.filter((c) => c.scope === "lesson" && seen.has(c.id))).toEqual([]);
    const small = lessons.filter((c) => c.lessonPosition <= 2 && Number(c.id.slice(-1)) < 3);
    expect(drawModuleTestIds(small, none, 5)).toHaveLength(6);
    expect(drawModuleTestIds([], none, 5)).toEqual([]);
  });
});
