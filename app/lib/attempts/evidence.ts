import "server-only";
/**
 * Links from feedback to the paragraph each evidence sentence comes from. A question's evidence
 * lines usually sit in its own lesson, but module-wide chronology questions cite sentences of
 * other lessons. Their rows name each line's lesson (evidenceLessons); for rows without it, each
 * line is located in the parsed guide: the attempt's lesson first, then any lesson whose block
 * with that anchor holds the line.
 */
import { getAllLessons } from "@/app/lib/content";

let blockIndex: Map<string, { slug: string; text: string }[]> | null = null;

/** anchor id → the blocks with that id across all lessons (built once per process). */
function blocksByAnchor(): Map<string, { slug: string; text: string }[]> {
  if (blockIndex) return blockIndex;
  const index = new Map<string, { slug: string; text: string }[]>();
  for (const lesson of getAllLessons()) {
    for (const section of lesson.sections) {
      for (const block of section.blocks) {
        const list = index.get(block.id) ?? [];
        list.push({ slug: lesson.slug, text: block.text });
        index.set(block.id, list);
      }
    }
  }
  blockIndex = index;
  return index;
}

export function evidenceLinks(
  lessonSlug: string,
  evidence: string,
  anchors: readonly string[],
  lessons: readonly string[] | null = null,
): { text: string; href: string }[] {
  const lines = evidence.split("\n");
  return lines.map((text, i) => {
    const anchor = anchors[i] ?? anchors[0] ?? "";
    const stated = lessons?.[i];
    if (stated) return { text, href: `/lessons/${stated}#${anchor}` };
    const candidates = blocksByAnchor().get(anchor) ?? [];
    const own = candidates.find((b) => b.slug === lessonSlug && b.text.includes(text));
    const elsewhere = own ?? candidates.find((b) => b.text.includes(text));
    const slug = elsewhere?.slug ?? lessonSlug;
    return { text, href: `/lessons/${slug}#${anchor}` };
  });
}
