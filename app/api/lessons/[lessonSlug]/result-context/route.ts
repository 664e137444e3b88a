import { NextResponse } from "next/server";
import { getAllLessons, getLesson } from "@/app/lib/content";
import { buildResultContext } from "@/app/lib/content/result-context";

type Ctx = { params: Promise<{ lessonSlug: string }> };

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getAllLessons().map((lesson) => ({ lessonSlug: lesson.slug }));
}

/**
 * GET /api/lessons/:slug/result-context → the lesson's section headings by paragraph and every
 * lesson's title: public lesson data the quiz island reads once a result is in (sending it with
 * the quiz page would put words of the lessons next to the questions before they are answered).
 */
export async function GET(_request: Request, { params }: Ctx) {
  const lesson = getLesson((await params).lessonSlug);
  if (!lesson) return NextResponse.json({ ok: false, error: "No such lesson." }, { status: 404 });
  return NextResponse.json({ ok: true, data: buildResultContext(lesson, getAllLessons()) });
}
