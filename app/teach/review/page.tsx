import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getReviewIndex } from "@/app/lib/quiz/review-queue";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { card, link, muted } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Question review", robots: { index: false } };

/** The review queue's index: every lesson, each opening its generated questions, with open reports. */
export default async function ReviewIndexPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/teach/review")}`);
  const { modules, openReports } = await orNotFound(getReviewIndex(user));
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:py-10">
      <Breadcrumb trail={[{ label: "Teach", href: "/teach" }, { label: "Question review" }]} />
      <h1 className="mt-4 text-2xl font-bold tracking-tight">Question review</h1>
      <p className={`mt-1 ${muted}`}>
        The questions are generated from each lesson&apos;s text. Approve, edit or reject them; rejected
        questions are never drawn, and an assignment can be set to draw only approved ones.
      </p>
      <p className="mt-3 font-medium" data-testid="report-summary">
        {openReports === 0
          ? "No questions have been reported."
          : `${openReports} open ${openReports === 1 ? "report" : "reports"} from learners, marked below.`}
      </p>
      {modules.map((m) => (
        <section key={m.slug} aria-labelledby={`m-${m.slug}`} className={`mt-6 ${card}`}>
          <h2 id={`m-${m.slug}`} className="text-lg font-semibold">
            {m.title}
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {m.lessons.map((l) => (
              <li key={l.slug} data-testid="review-lesson" data-lesson-slug={l.slug}>
                <Link href={`/teach/review/${l.slug}`} className={link}>
                  {l.title}
                </Link>
                {l.openReports > 0 && (
                  <>
                    {" "}
                    <Link
                      href={`/teach/review/${l.slug}#reported`}
                      className="rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-950 underline-offset-2 hover:underline dark:bg-amber-950/60 dark:text-amber-100"
                    >
                      {l.openReports} open {l.openReports === 1 ? "report" : "reports"}
                      {l.reportedQuestions > 1 ? ` on ${l.reportedQuestions} questions` : ""}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
