import { describe, expect, it } from "vitest";
import { getGuide } from "./index";
import { findCrossReferences } from "./cross-references";

describe("findCrossReferences", () => {
  const guide = getGuide();
  const lenin = guide.modules[0]!.lessons.find((l) => l.slug.startsWith("how-did-lenin-contradict"))!;

  it("links the Lenin lesson's Ukraine pointer to the lesson about Ukraine", () => {
    const refs = findCrossReferences(guide, lenin.slug);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({
      sentence: "See above.",
      href: "/lessons/what-happened-in-ukraine",
      label: "“What happened in Ukraine?” (lesson 10)",
    });
    const ukraine = lenin.sections.find((s) => s.heading === "Ukraine")!;
    expect(ukraine.blocks.map((b) => b.id)).toContain(refs[0]!.blockId);
  });

  it("finds no pointer in lessons without one", () => {
    for (const lesson of guide.modules.flatMap((m) => m.lessons)) {
      if (lesson.slug !== lenin.slug) expect(findCrossReferences(guide, lesson.slug)).toEqual([]);
    }
  });
});
