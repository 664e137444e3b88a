"use client";

import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";
import { MASTERY_LABELS } from "@/app/lib/progress/mastery";
import type { LessonProgressView, ProgressResponse } from "@/app/lib/progress/progress-views";

/**
 * A signed-in learner's progress next to a lesson in the (static) lesson lists: fetched once per
 * page from /api/progress after the page loads, shared by every badge on the page. Guests and
 * lessons never opened show nothing, so the static markup is unchanged for them.
 */

type Lessons = Record<string, LessonProgressView>;

/** One request per page view: badges mounted within this window share it. */
const SHARE_MS = 5_000;
let shared: { at: number; promise: Promise<Lessons | null> } | null = null;

export function loadProgress(): Promise<Lessons | null> {
  const now = Date.now();
  if (shared && now - shared.at < SHARE_MS) return shared.promise;
  const promise = fetch("/api/progress", { credentials: "same-origin", cache: "no-store" })
    .then(async (res) => {
      if (!res.ok) return null;
      const body = (await res.json()) as { data: ProgressResponse };
      return body.data.lessons;
    })
    .catch(() => null);
  shared = { at: now, promise };
  return promise;
}

const styles: Record<LessonProgressView["level"], string> = {
  not_started: "border-stone-300 text-stone-700 dark:border-stone-600 dark:text-stone-300",
  started:
    "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-200",
  practising:
    "border-sky-400 bg-sky-50 text-sky-900 dark:border-sky-500/60 dark:bg-sky-950/40 dark:text-sky-200",
  mastered:
    "border-emerald-500 bg-emerald-50 text-emerald-900 dark:border-emerald-500/60 dark:bg-emerald-950/40 dark:text-emerald-200",
};

export function badgeText(progress: LessonProgressView): { label: string; detail: string | null } | null {
  if (progress.level === "not_started") return progress.read ? { label: "Read", detail: null } : null;
  return {
    label: MASTERY_LABELS[progress.level],
    detail: progress.bestPercent === null ? null : `best ${progress.bestPercent}%`,
  };
}

export function LessonBadgeClient({ lessonSlug }: { lessonSlug: string }) {
  const { status } = useSession();
  const [loaded, setLoaded] = useState<LessonProgressView | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    // loadProgress never rejects (a failed request reads as "no progress").
    void loadProgress().then((lessons) => {
      if (live) setLoaded(lessons?.[lessonSlug] ?? null);
    });
    return () => {
      live = false;
    };
  }, [status, lessonSlug]);

  // Signed out (or signing out): nothing, whatever was loaded before.
  const progress = status === "authenticated" ? loaded : null;
  const text = progress ? badgeText(progress) : null;
  if (!progress || !text) return null;
  return (
    <span
      data-testid="lesson-badge"
      data-level={progress.level}
      className={`shrink-0 rounded-full border px-2 py-0.5 text-xs font-medium ${styles[progress.level]}`}
    >
      <span className="sr-only">Your progress: </span>
      {text.label}
      {text.detail && <span className="hidden sm:inline"> · {text.detail}</span>}
    </span>
  );
}
