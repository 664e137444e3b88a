/**
 * What a quiz attempt is about: one lesson (a lesson quiz) or one module (a module test). The
 * quiz flow (start, autosave, submit, result) is the same for both; only these links differ.
 * Plain values, safe to import from client components.
 */
export interface QuizTarget {
  kind: "lesson" | "module";
  slug: string;
  title: string;
}

/** The page the quiz is about: the lesson or the module. */
export function targetHref(target: Pick<QuizTarget, "kind" | "slug">): string {
  return target.kind === "module" ? `/modules/${target.slug}` : `/lessons/${target.slug}`;
}

/** The page that takes (or resumes) the quiz. */
export function quizHref(target: Pick<QuizTarget, "kind" | "slug">): string {
  return target.kind === "module" ? `/modules/${target.slug}/test` : `/lessons/${target.slug}/quiz`;
}

/** "this lesson" / "this module", for sentences shared by both kinds. */
export function targetNoun(target: Pick<QuizTarget, "kind">): string {
  return target.kind === "module" ? "module" : "lesson";
}
