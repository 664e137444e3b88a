import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { printableModule } from "@/app/lib/quiz/printable";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { PrintableQuizView } from "@/app/ui/teach/printable-quiz";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Printable module quiz", robots: { index: false } };

type Props = { params: Promise<{ moduleSlug: string }> };

/** A module's quiz on paper (a few questions from each lesson), with its answer key (teachers only). */
export default async function PrintModulePage({ params }: Props) {
  const { moduleSlug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/modules/${moduleSlug}/print`)}`);
  return <PrintableQuizView quiz={await orNotFound(printableModule(user, moduleSlug))} />;
}
