"use client";

import { useEffect, useRef, useState } from "react";
import { useSession } from "next-auth/react";
import { markLessonReadAction } from "@/app/lib/actions/progress-actions";

/**
 * Remembers that a signed-in learner read the lesson: once they have scrolled this element (put
 * it at the end of the lesson text) into view, or kept the page open and visible for a while,
 * it calls a server action once. Guests: renders an invisible marker and does nothing. Keeps the
 * lesson page static — the only per-user work happens in the browser after load.
 *
 * Placement (lesson page): `<MarkReadClient lessonSlug={lesson.slug} readingMinutes={lesson.readingMinutes} />`
 * as the last child of the `<article>`, after the lesson body and further reading.
 */
export function MarkReadClient({
  lessonSlug,
  readingMinutes = 5,
  /** Seconds of visible time that count as reading; default: a third of the reading time, 20 s–3 min. */
  dwellSeconds,
}: {
  lessonSlug: string;
  readingMinutes?: number;
  dwellSeconds?: number;
}) {
  const { status } = useSession();
  const marker = useRef<HTMLDivElement>(null);
  const sent = useRef(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (status !== "authenticated" || sent.current) return;
    const send = () => {
      if (sent.current) return;
      sent.current = true;
      cleanup();
      markLessonReadAction({ lessonSlug })
        .then((result) => {
          if (result.ok) setDone(true);
          else sent.current = false;
        })
        .catch(() => {
          sent.current = false;
        });
    };

    // Scrolled to the end.
    let observer: IntersectionObserver | null = null;
    if (marker.current && typeof IntersectionObserver !== "undefined") {
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) send();
      });
      observer.observe(marker.current);
    }

    // Time spent with the page visible.
    const needed =
      (dwellSeconds ?? Math.min(180, Math.max(20, Math.round((readingMinutes * 60) / 3)))) * 1000;
    let visibleMs = 0;
    let last = document.visibilityState === "visible" ? Date.now() : null;
    const tick = window.setInterval(() => {
      const now = Date.now();
      if (last !== null) visibleMs += now - last;
      last = document.visibilityState === "visible" ? now : null;
      if (visibleMs >= needed) send();
    }, 1000);

    function cleanup() {
      observer?.disconnect();
      window.clearInterval(tick);
    }
    return cleanup;
  }, [status, lessonSlug, readingMinutes, dwellSeconds]);

  return (
    <div
      ref={marker}
      data-testid="lesson-end"
      className="mt-8 min-h-px text-sm text-stone-600 dark:text-stone-400"
    >
      <p role="status" aria-live="polite" className={done ? "" : "sr-only"}>
        {done ? "✓ Marked as read" : ""}
      </p>
    </div>
  );
}
