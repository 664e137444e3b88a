import type { Guide, Lesson } from "./types";

/**
 * The guide's bare pointers ("See above.", "See below.") resolved to where they point. Such a
 * sentence stands in a sub-part with a heading ("Ukraine"), so the target is the lesson the
 * heading names: an earlier (or, for "below", later) lesson of the same module whose title
 * mentions it, else the paragraph there that mentions it most.
 */
export interface CrossReference {
  /** The block holding the pointer sentence. */
  blockId: string;
  /** The pointer sentence as written, e.g. "See above." */
  sentence: string;
  href: string;
  /** Where the link leads, for its text: "“What happened in Ukraine?” (lesson 10)". */
  label: string;
}

const POINTER = /^See (above|below)\.?$/i;

/** A loose stem of each heading word, so "Ukraine" also finds "Ukrainian". */
function headingStems(heading: string): RegExp | null {
  const words = heading.match(/\p{Lu}\p{L}{3,}/gu) ?? [];
  if (words.length === 0) return null;
  const stems = words.map((w) => w.slice(0, Math.max(4, w.length - 2)));
  return new RegExp(
    `\\b(?:${stems.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\p{L}*`,
    "gu",
  );
}

function mentions(text: string, stems: RegExp): number {
  return text.match(stems)?.length ?? 0;
}

function resolve(candidates: Lesson[], stems: RegExp): { lesson: Lesson; anchor: string | null } | null {
  const titled = candidates.find((l) => mentions(l.title, stems) > 0);
  if (titled) return { lesson: titled, anchor: null };
  let best: { lesson: Lesson; anchor: string; count: number } | null = null;
  for (const lesson of candidates) {
    for (const section of lesson.sections) {
      for (const block of section.blocks) {
        const count = mentions(block.text, stems);
        if (count > (best?.count ?? 0)) best = { lesson, anchor: block.id, count };
      }
    }
  }
  return best && { lesson: best.lesson, anchor: best.anchor };
}

export function findCrossReferences(guide: Guide, lessonSlug: string): CrossReference[] {
  const guideModule = guide.modules.find((m) => m.lessons.some((l) => l.slug === lessonSlug));
  const lesson = guideModule?.lessons.find((l) => l.slug === lessonSlug);
  if (!guideModule || !lesson) return [];
  const out: CrossReference[] = [];
  for (const section of lesson.sections) {
    const stems = section.heading ? headingStems(section.heading) : null;
    if (!stems) continue;
    for (const block of section.blocks) {
      if (block.kind === "caption") continue;
      for (const sentence of block.sentences) {
        const pointer = POINTER.exec(sentence.trim());
        if (!pointer) continue;
        const above = pointer[1]!.toLowerCase() === "above";
        const candidates = guideModule.lessons.filter((l) =>
          above ? l.order < lesson.order : l.order > lesson.order,
        );
        // Nearest first: an earlier lesson read just before is the likelier referent.
        if (above) candidates.reverse();
        const target = resolve(candidates, stems);
        if (!target) continue;
        out.push({
          blockId: block.id,
          sentence,
          href: `/lessons/${target.lesson.slug}${target.anchor ? `#${target.anchor}` : ""}`,
          label: `“${target.lesson.title}” (lesson ${target.lesson.order})`,
        });
      }
    }
  }
  return out;
}
