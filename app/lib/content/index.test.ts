import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getAllLessons, getGuide, getLesson, getLessonNeighbours, getModule } from "./index";

describe("content index", () => {
  it("parses once and caches the guide", () => {
    expect(getGuide()).toBe(getGuide());
  });

  it("finds modules and lessons by slug", () => {
    expect(getModule("red-and-black-october")?.lessons).toHaveLength(15);
    expect(getModule("hail-the-october-revolution")?.lessons).toHaveLength(6);
    expect(getModule("nope")).toBeUndefined();
    expect(getAllLessons()).toHaveLength(21);
    expect(getLesson("what-happened-in-ukraine")?.title).toBe("What happened in Ukraine?");
    expect(getLesson("ukraine")).toBeUndefined();
  });

  it("links neighbours in reading order, across modules", () => {
    expect(getLessonNeighbours("what-precipitated-the-crisis-and-revolutionary-events-of")).toMatchObject({
      previous: null,
      next: { slug: "what-helped-propel-the-revolution" },
    });
    expect(getLessonNeighbours("what-lessons-should-we-take-from-the-russian-revolution")).toMatchObject({
      previous: { slug: "how-did-red-october-the-red-terror-and-the-civil-war-lead-to" },
      next: { slug: "introduction", moduleSlug: "hail-the-october-revolution" },
    });
    expect(getLessonNeighbours("conclusion")).toMatchObject({ previous: { slug: "lessons" }, next: null });
    expect(getLessonNeighbours("missing")).toEqual({ previous: null, next: null });
  });

  it("never reads outside content/ at runtime (no path into the steering folder or above the project)", () => {
    const dir = path.join(process.cwd(), "app", "lib", "content");
    for (const file of readdirSync(dir)) {
      if (!file.endsWith(".ts") || file.includes(".test.") || file.includes(".fixture.")) continue;
      expect(readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(/shared\/|\.\.\/\.\./);
    }
  });
});
