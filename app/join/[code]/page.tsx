import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/app/lib/auth/actor";
import { requestAddress } from "@/app/lib/auth/request-address";
import { previewJoin } from "@/app/lib/classes/service";
import { formatJoinCode, normalizeJoinCode } from "@/app/lib/classes/join-code";
import { joinClassAction } from "@/app/lib/actions/teach-actions";
import { AppError } from "@/app/lib/errors";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { button, card, link, muted } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a class", robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

/** The preview, or the wait message when this address or account has tried too many wrong codes. */
async function lookUp(...args: Parameters<typeof previewJoin>) {
  try {
    return { target: await previewJoin(...args), throttled: null };
  } catch (error) {
    if (error instanceof AppError && error.code === "too_many_requests")
      return { target: null, throttled: error.message };
    throw error;
  }
}

/**
 * The join link a teacher shares. A signed-in learner confirms and joins; a visitor is asked to
 * sign up or sign in, and is joined by the server on the way back here (the code travels with
 * the callback URL).
 */
export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  const user = await getSessionUser();
  const { target, throttled } = await lookUp(user, code, await requestAddress());
  const here = `/join/${encodeURIComponent(code)}`;

  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Join a class</h1>
      <div className={`mt-6 ${card}`}>
        {throttled ? (
          <p role="alert">{throttled}</p>
        ) : !target ? (
          <p>
            There is no class with the code <span className="font-mono">{code}</span>. Check it with your
            teacher.
          </p>
        ) : target.viewer === "learner" ? (
          <>
            <p className="text-lg" role="status">
              You are in <strong>{target.name}</strong>{" "}
              <span className={muted}>taught by {target.teacherName}</span>.
            </p>
            <p className="mt-4">
              <Link href="/dashboard#assigned" className={link}>
                See the work assigned to you
              </Link>
            </p>
          </>
        ) : target.viewer === "teacher" ? (
          <p>
            You teach <strong>{target.name}</strong>.{" "}
            <Link href={`/teach/classes/${target.id}`} className={link}>
              Open the class
            </Link>
          </p>
        ) : !target.joinEnabled || target.archived ? (
          <p>
            “{target.name}” is not accepting new learners at the moment. Ask {target.teacherName} for a new
            code.
          </p>
        ) : (
          <>
            <p className="text-lg">
              <strong>{target.name}</strong> <span className={muted}>taught by {target.teacherName}</span>
            </p>
            <p className={`mt-1 text-sm ${muted}`}>
              Code <span className="font-mono">{formatJoinCode(normalizeJoinCode(code) ?? code)}</span>. Your
              teacher will see your scores on the work they assign to this class, not your own study.
            </p>
            {user ? (
              <ActionFormClient action={joinClassAction} className="mt-4">
                <input type="hidden" name="code" value={code} />
                <button type="submit" className={button}>
                  Join “{target.name}”
                </button>
              </ActionFormClient>
            ) : (
              <p className="mt-4">
                You need an account to join.{" "}
                <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={link}>
                  Sign up
                </Link>{" "}
                or{" "}
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={link}>
                  sign in
                </Link>{" "}
                and you will be in the class.
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
