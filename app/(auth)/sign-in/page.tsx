import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { joinCodeOfCallback, safeCallbackUrl } from "@/app/lib/auth/redirects";
import { oauthProviders } from "@/app/lib/env";
import { retryAfterOf, throttleMessage } from "@/app/lib/auth/throttle-message";
import { SignInForm } from "@/app/ui/auth/sign-in-client";

export const metadata: Metadata = { title: "Sign in" };

/** Messages for the `?error=` codes next-auth redirects here with. */
const ERRORS: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  OAuthSignin: "Could not start signing in with that provider. Please try again.",
  OAuthCallback: "Signing in with that provider failed. Please try again.",
  OAuthAccountNotLinked: "That email is already used by another sign-in method.",
  AccessDenied: "Sign-in was refused. Providers must share a verified email address.",
  SessionRequired: "Please sign in to see that page.",
  Callback: "Signing in failed. Please try again.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  const code = typeof params.error === "string" ? params.error : undefined;
  const retryAfter = retryAfterOf(code);
  const initialError = retryAfter
    ? throttleMessage(retryAfter)
    : code
      ? (ERRORS[code] ?? "Signing in failed. Please try again.")
      : undefined;
  const created = params.created === "1";
  const signUpHref =
    callbackUrl === "/dashboard" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-stone-600 dark:text-stone-400">
        {created
          ? "Your account is ready. Sign in to continue."
          : "Welcome back. Your progress and review queue are waiting."}
      </p>
      <SignInForm
        callbackUrl={callbackUrl}
        joinCode={joinCodeOfCallback(callbackUrl)}
        oauth={oauthProviders}
        initialError={initialError}
      />
      <p className="mt-6 text-sm">
        No account yet?{" "}
        <Link href={signUpHref} className="font-medium text-accent-700 underline dark:text-accent-300">
          Create one
        </Link>
      </p>
    </>
  );
}
