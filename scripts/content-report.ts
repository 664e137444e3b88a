/**
 * Prints what the digest parser made of content/source, for reviewers:
 *   npx tsx scripts/content-report.ts   (or: npm run content:report)
 */
import { getGuide } from "../app/lib/content/index";
import { countWords } from "../app/lib/content/text";
import type { Block, Lesson } from "../app/lib/content/types";

function proseOf(blocks: Block[]) {
  return blocks.filter((block) => block.kind !== "caption");
}

function lessonLine(lesson: Lesson): string {
  const blocks = lesson.sections.flatMap((section) => section.blocks);
  const sentences = proseOf(blocks).reduce((total, block) => total + block.sentences.length, 0);
  const quotes = new Set(blocks.flatMap((block) => (block.kind === "quote" ? [block.group] : []))).size;
  const captions = blocks.filter((block) => block.kind === "caption").length;
  const facts = [
    `${lesson.wordCount} words`,
    `${sentences} sentences`,
    `${proseOf(blocks).length} paragraphs`,
    `${lesson.readingMinutes} min`,
    quotes ? `${quotes} quote${quotes > 1 ? "s" : ""}` : "",
    captions ? `${captions} caption${captions > 1 ? "s" : ""}` : "",
    lesson.furtherReading.length ? `${lesson.furtherReading.length} further reading` : "",
  ].filter(Boolean);
  return `${String(lesson.order).padStart(2)}. ${lesson.title}\n      /${lesson.slug}  ·  ${facts.join(" · ")}`;
}

const guide = getGuide();
for (const guideModule of guide.modules) {
  console.log(`\n# ${guideModule.title}`);
  console.log(
    `  ${guideModule.organisation}${guideModule.author ? ` · ${guideModule.author}` : ""} · ${guideModule.date} · ${guideModule.sourceUrl}`,
  );
  console.log(
    `  slug ${guideModule.slug} · ${guideModule.lessons.length} lessons · ${guideModule.wordCount} words · ${guideModule.readingMinutes} min`,
  );
  console.log(
    `  lede: ${guideModule.lede.length} paragraph(s)${guideModule.byline ? ` · byline "${guideModule.byline}"` : ""}\n`,
  );
  for (const lesson of guideModule.lessons) {
    console.log(lessonLine(lesson));
    if (lesson.tocTitle) console.log(`      TOC wording: "${lesson.tocTitle}"`);
    for (const section of lesson.sections) {
      if (section.heading === null) continue;
      const prose = proseOf(section.blocks);
      const words = prose.reduce((total, block) => total + countWords(block.text), 0);
      const sentences = prose.reduce((total, block) => total + block.sentences.length, 0);
      console.log(`      § ${section.heading} (#${section.id}) · ${words} words · ${sentences} sentences`);
    }
    for (const block of lesson.sections.flatMap((section) => section.blocks)) {
      if (block.kind === "quote") {
        console.log(
          `      ${block.epigraph ? "epigraph" : "quote"} ${block.group} #${block.id}: ${block.text.slice(0, 60)}…`,
        );
      } else if (block.kind === "caption") console.log(`      caption #${block.id}: ${block.text}`);
    }
    for (const item of lesson.furtherReading) {
      console.log(`      reading: ${item.title}${item.author ? ` — ${item.author}` : ""}`);
    }
  }
}
console.log("\n# Back matter");
for (const list of guide.references) {
  console.log(
    `  ${list.heading} (#${list.slug})${list.tocHeading ? ` · TOC "${list.tocHeading}"` : ""} · ${list.entries.length} entries`,
  );
  for (const entry of list.entries) console.log(`    - ${entry}`);
}
