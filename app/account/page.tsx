import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { listTimeZones } from "@/app/lib/auth/timezones";
import { getUserProfile } from "@/app/lib/db/users";
import { ProfileForm } from "@/app/ui/auth/account-client";
import { SignOutButton } from "@/app/ui/auth/sign-out-button-client";

export const metadata: Metadata = { title: "Account" };

const ROLE_LABEL = { learner: "Learner", teacher: "Teacher", admin: "Administrator" } as const;

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Faccount");
  const profile = await getUserProfile(user.userId);
  if (!profile) redirect("/sign-in?callbackUrl=%2Faccount");

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

      <section aria-labelledby="session-heading" className="mt-8">
        <h2 id="session-heading" className="mb-2 text-lg font-semibold">
          Session
        </h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          Signing out ends the session in this browser.
        </p>
        <SignOutButton />
      </section>
    </main>
  );
}
