/**
 * Export the generated question bank for review.
 *   npm run quiz:bank -- --out FILE     write the bank as JSON (stdout summary)
 * Prints per-lesson counts: the type mix, then the skill mix (share of understanding questions
 * and of date keys per lesson), and what is module scope (module tests only).
 */
import { writeFileSync } from "node:fs";
import { getGuide } from "@/app/lib/content";
import {
  generateQuestionBank,
  toExportBank,
  QUESTION_SKILLS,
  QUESTION_TYPES,
  UNDERSTANDING_SKILLS,
} from "@/app/lib/quiz";

const args = process.argv.slice(2);
const outIdx = args.indexOf("--out");
const out = outIdx >= 0 ? args[outIdx + 1] : undefined;

const t0 = performance.now();
const bank = generateQuestionBank(getGuide());
const ms = performance.now() - t0;

if (out) writeFileSync(out, JSON.stringify(toExportBank(bank), null, 2) + "\n");

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const short = {
  multiple_choice: "mc",
  fill_blank: "fill",
  true_false: "tf",
  ordering: "ord",
  matching: "match",
} as const;
console.log(`${bank.generator.name} ${bank.generator.version} — ${ms.toFixed(0)} ms`);
console.log(pad("lesson", 64) + pad("n", 5) + QUESTION_TYPES.map((t) => pad(short[t], 6)).join(""));
const totals = new Map<string, number>();
let all = 0;
for (const l of bank.lessons) {
  const counts = QUESTION_TYPES.map((t) => l.questions.filter((q) => q.type === t).length);
  QUESTION_TYPES.forEach((t, i) => totals.set(t, (totals.get(t) ?? 0) + (counts[i] ?? 0)));
  all += l.questions.length;
  console.log(
    pad(`${l.module.slice(0, 8)}/${l.slug}`.slice(0, 62), 64) +
      pad(l.questions.length, 5) +
      counts.map((c) => pad(c, 6)).join(""),
  );
}
console.log(pad("total", 64) + pad(all, 5) + QUESTION_TYPES.map((t) => pad(totals.get(t) ?? 0, 6)).join(""));
const kinds = new Map<string, number>();
for (const l of bank.lessons)
  for (const q of l.questions) kinds.set(q.keyKind, (kinds.get(q.keyKind) ?? 0) + 1);
console.log(
  "key kinds: " +
    [...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", "),
);
const skillShort: Record<(typeof QUESTION_SKILLS)[number], string> = {
  fact: "fact",
  cause: "cause",
  claim: "claim",
  position: "pos",
  attribution: "attr",
  definition: "def",
  main_idea: "main",
  sequence: "seq",
  pairing: "pair",
};
console.log(
  "\n" +
    pad("skills", 44) +
    QUESTION_SKILLS.map((k) => pad(skillShort[k], 6)).join("") +
    pad("und%", 6) +
    pad("date%", 6) +
    "module",
);
const skillTotals = new Map<string, number>();
for (const l of bank.lessons) {
  const counts = QUESTION_SKILLS.map((k) => l.questions.filter((q) => q.skill === k).length);
  QUESTION_SKILLS.forEach((k, i) => skillTotals.set(k, (skillTotals.get(k) ?? 0) + (counts[i] ?? 0)));
  const n = Math.max(1, l.questions.length);
  const und = l.questions.filter((q) => q.skill && UNDERSTANDING_SKILLS.has(q.skill)).length;
  const dates = l.questions.filter((q) => q.keyKind === "time" && q.skill === "fact").length;
  const moduleScope = l.questions.filter((q) => q.scope === "module").length;
  console.log(
    pad(l.slug.slice(0, 42), 44) +
      counts.map((c) => pad(c, 6)).join("") +
      pad(Math.round((100 * und) / n), 6) +
      pad(Math.round((100 * dates) / n), 6) +
      moduleScope,
  );
}
console.log(pad("total", 44) + QUESTION_SKILLS.map((k) => pad(skillTotals.get(k) ?? 0, 6)).join(""));
if (out) console.log(`wrote ${out}`);
