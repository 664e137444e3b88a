/**
 * `npm run content:sync`: parse the digest, generate the question bank and upsert both into the
 * database (idempotent: a second run reports everything unchanged). Part of `npm start`.
 */
import { getGuide } from "@/app/lib/content";
import { generateQuestionBank } from "@/app/lib/quiz";
import { createDbClient } from "@/app/lib/db/client";
import { formatSyncSummary, syncContent } from "@/app/lib/db/content-sync";

const started = performance.now();
const guide = getGuide();
const bank = generateQuestionBank(guide);
const db = createDbClient();
try {
  const summary = await syncContent(db, guide, bank);
  console.log(formatSyncSummary(summary));
  console.log(`content sync done in ${Math.round(performance.now() - started)} ms`);
} finally {
  await db.$disconnect();
}
