/**
 * Seed rows for the progress data layer's integration tests (on the temp SQLite database from
 * app/lib/auth/test-db): a module, lessons with multiple-choice questions (key "Beta"), users.
 */
import type { DbClient } from "./client";

type Db = Pick<DbClient, "module" | "lesson" | "question" | "user">;

let counter = 0;

/** A module, a lesson and `count` multiple-choice questions in it. */
export async function seedLesson(prisma: Db, slug: string, count: number) {
  counter++;
  const mod = await prisma.module.upsert({
    where: { slug: "test-module" },
    create: {
      slug: "test-module",
      title: "Test module",
      organisation: "Org",
      sourceUrl: "https://example.org",
      position: 1,
      wordCount: 100,
    },
    update: {},
  });
  const lesson = await prisma.lesson.create({
    data: {
      slug,
      moduleId: mod.id,
      position: counter,
      title: `Lesson ${slug}`,
      wordCount: 100,
      readingMinutes: 1,
      contentHash: slug,
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${slug}-q${i}`;
    await prisma.question.create({
      data: {
        id,
        lessonId: lesson.id,
        type: "multiple_choice",
        prompt: `Question ${i} of ${slug}?`,
        choices: ["Alpha", "Beta", "Gamma", "Delta"],
        answer: "Beta",
        evidence: `Evidence sentence ${i}.`,
        evidenceAnchor: `p-${i + 1}`,
        evidenceAnchors: [`p-${i + 1}`],
        keyKind: "term",
        difficulty: 0.5,
        generatorVersion: "test",
      },
    });
    ids.push(id);
  }
  return { lesson, questionIds: ids };
}

export async function seedUser(prisma: Db, email: string) {
  return prisma.user.create({ data: { email, name: email.split("@")[0] ?? email } });
}
