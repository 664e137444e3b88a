export {};
/**
 * Times question generation for the whole guide.
 *   npx tsx scripts/bench/generation.ts [--runs N] [--json]
 * Reports cold start (module load incl. the wink-nlp model, parsing the guide, first
 * generation) separately from the warm median of N further generations. Target: ≤ 2 s.
 */
const t0 = performance.now();
const { getGuide } = await import("@/app/lib/content");
const { generateQuestionBank } = await import("@/app/lib/quiz");
const { warmUp } = await import("@/app/lib/quiz/generate/nlp");
const tImport = performance.now();
warmUp();
const tModel = performance.now();
const guide = getGuide();
const tParse = performance.now();
let bank = generateQuestionBank(guide);
const tFirst = performance.now();

const args = process.argv.slice(2);
const runsIdx = args.indexOf("--runs");
const runs = runsIdx >= 0 ? Math.max(1, Number(args[runsIdx + 1]) || 5) : 5;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  bank = generateQuestionBank(guide);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const median =
  times.length % 2
    ? times[(times.length - 1) / 2]!
    : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
const questions = bank.lessons.reduce((n, l) => n + l.questions.length, 0);

const result = {
  name: "quiz-generation",
  lessons: bank.lessons.length,
  questions,
  coldMs: {
    importModules: Math.round(tImport - t0),
    loadNlpModel: Math.round(tModel - tImport),
    parseGuide: Math.round(tParse - tModel),
    firstGeneration: Math.round(tFirst - tParse),
    total: Math.round(tFirst - t0),
  },
  warmMs: {
    runs,
    median: Math.round(median),
    min: Math.round(times[0]!),
    max: Math.round(times[times.length - 1]!),
  },
  targetMs: 2000,
  pass: tFirst - t0 <= 2000 && median <= 2000,
};
if (args.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(`quiz generation: ${result.lessons} lessons, ${questions} questions`);
  console.log(
    `  cold: import ${result.coldMs.importModules} ms, NLP model ${result.coldMs.loadNlpModel} ms, parse ${result.coldMs.parseGuide} ms, first generation ${result.coldMs.firstGeneration} ms = ${result.coldMs.total} ms`,
  );
  console.log(
    `  warm: median ${result.warmMs.median} ms over ${runs} runs (min ${result.warmMs.min}, max ${result.warmMs.max})`,
  );
  console.log(`  target ≤ ${result.targetMs} ms: ${result.pass ? "PASS" : "FAIL"}`);
}
