"use client";

import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";
import { MASTERY_LABELS } from "@/app/lib/progress/mastery";
import type { LessonProgressView } from "@/app/lib/progress/progress-views";
import { loadProgress } from "./lesson-badges-client";

/** "Your last score: 60% (best 80%) · Practising" for a signed-in learner who took this quiz. */
export function LastScoreClient({ lessonSlug }: { lessonSlug: string }) {
  const { status } = useSession();
  const [progress, setProgress] = useState<LessonProgressView | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    void loadProgress().then((lessons) => {
      if (live) setProgress(lessons?.[lessonSlug] ?? null);
    });
    return () => {
      live = false;
    };
  }, [status, lessonSlug]);

  if (status !== "authenticated" || !progress || progress.lastPercent === null) return null;
  return (
    <p className="mt-2 text-sm text-stone-700 dark:text-stone-300" data-testid="last-score">
      Your last score: <strong>{progress.lastPercent}%</strong>
      {progress.bestPercent !== null && progress.bestPercent !== progress.lastPercent
        ? ` (best ${progress.bestPercent}%)`
        : ""}{" "}
      · {MASTERY_LABELS[progress.level]}
    </p>
  );
}
