import type { Prisma } from "@/app/generated/prisma/sqlite/client";

/** The question columns a quiz or a review needs (attempts.ts and review-cards.ts). */
export const questionSelect = {
  id: true,
  type: true,
  prompt: true,
  choices: true,
  answer: true,
  accepted: true,
  evidence: true,
  evidenceAnchor: true,
  evidenceAnchors: true,
  evidenceLessons: true,
  skill: true,
  lessonId: true,
  teacherEdit: true,
} as const satisfies Prisma.QuestionSelect;
