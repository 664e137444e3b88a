import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getAllLessons } from "@/app/lib/content";
import { getReviewSession } from "@/app/lib/progress/review";
import { safeTimeZone } from "@/app/lib/progress/streak";
import { ReviewSessionClient } from "@/app/ui/review/review-session-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review", robots: { index: false } };

/** The signed-in learner's review queue across all lessons, one card at a time. */
export default async function ReviewPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/review")}`);
  const session = await getReviewSession(user.userId);
  return (
    <main className="mx-auto max-w-2xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Review</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        Questions from your quizzes come back when you are about to forget them: the ones you missed soon, the
        ones you knew later and later. A session is at most 20 cards; one you miss comes back once at its end.
      </p>
      <ReviewSessionClient
        session={session}
        timeZone={safeTimeZone(user.timezone)}
        lessonTitles={Object.fromEntries(getAllLessons().map((l) => [l.slug, l.title]))}
      />
    </main>
  );
}
