import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUserAllowingTemporaryPassword } from "@/app/lib/auth/actor";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/app/lib/auth/schemas";
import { listTimeZones } from "@/app/lib/auth/timezones";
import { getUserProfile } from "@/app/lib/db/users";
import { ProfileForm } from "@/app/ui/auth/account-client";
import { SignOutButton } from "@/app/ui/auth/sign-out-button-client";
import {
  ChangePasswordForm,
  DeleteAccountForm,
  SignOutEverywhereForm,
} from "@/app/ui/auth/account-security-client";

export const metadata: Metadata = { title: "Account" };

const ROLE_LABEL = { learner: "Learner", teacher: "Teacher", admin: "Administrator" } as const;

export default async function AccountPage() {
  // The one page a user holding a temporary password may see: they choose their own here.
  const user = await getSessionUserAllowingTemporaryPassword();
  if (!user) redirect("/sign-in?callbackUrl=%2Faccount");
  const profile = await getUserProfile(user.userId);
  if (!profile) redirect("/sign-in?callbackUrl=%2Faccount");

  // Keyed, so that leaving the temporary-password view keeps the form and its success message.
  const passwordSection = (
    <section
      key="password"
      aria-labelledby="password-heading"
      className="mt-8 rounded-xl border border-stone-200 bg-white p-5 sm:p-6 dark:border-stone-800 dark:bg-stone-900/60"
    >
      <h2 id="password-heading" className="mb-4 text-lg font-semibold">
        Password
      </h2>
      <ChangePasswordForm passwordMin={PASSWORD_MIN} passwordMax={PASSWORD_MAX} />
    </section>
  );

  // Holding a temporary password: choosing their own is the only thing to do here.
  if (user.mustChangePassword)
    return (
      <main className="mx-auto w-full max-w-xl px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Choose your password</h1>
        <p
          role="status"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          You signed in with a temporary password. Choose your own password below to continue.
        </p>
        {passwordSection}
        <div className="mt-8">
          <SignOutButton />
        </div>
      </main>
    );

  return (
    <main className="mx-auto w-full max-w-xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-600 dark:text-stone-400">Email</dt>
        <dd className="break-all">{profile.email}</dd>
        <dt className="text-stone-600 dark:text-stone-400">Role</dt>
        <dd>{ROLE_LABEL[profile.role]}</dd>
      </dl>

      <section
        aria-labelledby="profile-heading"
        className="mt-8 rounded-xl border border-stone-200 bg-white p-5 sm:p-6 dark:border-stone-800 dark:bg-stone-900/60"
      >
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">
          Profile
        </h2>
        <ProfileForm
          profile={{
            name: profile.name,
            email: profile.email,
            timezone: profile.timezone,
            streakOptIn: profile.streakOptIn,
          }}
          zones={listTimeZones()}
        />
      </section>

      {passwordSection}

      <section aria-labelledby="session-heading" className="mt-8">
        <h2 id="session-heading" className="mb-2 text-lg font-semibold">
          Sessions
        </h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          Signing out ends the session in this browser. Signing out everywhere else ends the sessions on every
          other device at once (changing your password does too).
        </p>
        <div className="flex flex-wrap gap-3">
          <SignOutButton />
          <SignOutEverywhereForm />
        </div>
      </section>
      <section aria-labelledby="data-heading" className="mt-8">
        <h2 id="data-heading" className="mb-2 text-lg font-semibold">
          Your data
        </h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          A JSON file with your account, every quiz attempt with your answers, your review schedule and the
          lessons you marked as read.
        </p>
        <a
          href="/api/account/export"
          download
          className="inline-flex items-center justify-center rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
        >
          Download my data
        </a>
        {profile.role === "learner" ? (
          <div className="mt-6 rounded-xl border border-red-200 p-5 dark:border-red-900">
            <h3 className="mb-2 font-semibold">Delete my account</h3>
            <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
              Deletes your account with every attempt, answer, review card and read mark, at once and for
              good. Download your data first if you want to keep it.
            </p>
            <DeleteAccountForm />
          </div>
        ) : null}
      </section>
    </main>
  );
}
