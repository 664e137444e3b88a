import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { printableLesson } from "@/app/lib/quiz/printable";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { PrintableQuizView } from "@/app/ui/teach/printable-quiz";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Printable quiz", robots: { index: false } };

type Props = { params: Promise<{ lessonSlug: string }> };

/** A lesson's quiz on paper, with the answer key on a separate page (teachers only). */
export default async function PrintLessonPage({ params }: Props) {
  const { lessonSlug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/lessons/${lessonSlug}/print`)}`);
  return <PrintableQuizView quiz={await orNotFound(printableLesson(user, lessonSlug))} />;
}
