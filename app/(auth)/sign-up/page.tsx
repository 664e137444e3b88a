import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { joinCodeOfCallback, safeCallbackUrl } from "@/app/lib/auth/redirects";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/app/lib/auth/schemas";
import { listTimeZones } from "@/app/lib/auth/timezones";
import { SignUpForm } from "@/app/ui/auth/sign-up-client";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const joinCode = joinCodeOfCallback(callbackUrl);
  const signInHref =
    callbackUrl === "/dashboard" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Create an account</h1>
      {joinCode ? (
        <p className="mb-3 rounded-md border border-accent-300 bg-accent-50 p-3 text-sm text-stone-900 dark:border-accent-700 dark:bg-stone-900 dark:text-stone-100">
          Once your account is ready you will be in the class, with nothing more to click.
        </p>
      ) : null}
      <p className="mb-6 text-sm text-stone-600 dark:text-stone-400">
        Keep your quiz history and scores, get a review queue of the questions you missed, and join a class
        with the link your teacher gives you. Quizzes you took as a guest on this device move to your account.
      </p>
      <SignUpForm
        callbackUrl={callbackUrl}
        joinCode={joinCode}
        zones={listTimeZones()}
        passwordMin={PASSWORD_MIN}
        passwordMax={PASSWORD_MAX}
      />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href={signInHref} className="font-medium text-accent-700 underline dark:text-accent-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
