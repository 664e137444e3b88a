import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { adminListUsers } from "@/app/lib/auth/admin";
import { setRoleAction } from "@/app/lib/actions/admin-actions";
import { giveTemporaryPasswordAction } from "@/app/lib/actions/teach-actions";
import { TemporaryPasswordClient } from "@/app/ui/teach/temporary-password-client";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { card, input, muted, quietButton } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string }> };

/** Admins only: find an account, make it a learner, teacher or admin, or set a temporary password. */
export default async function AdminUsersPage({ searchParams }: Props) {
  const { q = "" } = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/admin/users")}`);
  const users = await orNotFound(adminListUsers(user, q));
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight">Users</h1>
      <form className="mt-4 flex items-end gap-2" role="search">
        <div className="grow">
          <label htmlFor="q" className="block text-sm font-medium">
            Name or email
          </label>
          <input id="q" name="q" defaultValue={q} className={`mt-1 ${input}`} />
        </div>
        <button type="submit" className={quietButton}>
          Search
        </button>
      </form>
      <ul className={`mt-6 divide-y divide-stone-200 dark:divide-stone-800 ${card}`}>
        {users.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {u.name} <span className={`text-sm ${muted}`}>{u.email}</span>
            </span>
            {u.id === user.userId ? (
              <span className={`text-sm ${muted}`}>{u.role} (you)</span>
            ) : (
              <div className="flex flex-wrap items-start gap-3">
                <ActionFormClient
                  action={setRoleAction}
                  className="flex items-center gap-2"
                  label={`Role of ${u.name}`}
                >
                  <input type="hidden" name="userId" value={u.id} />
                  <label htmlFor={`role-${u.id}`} className="sr-only">
                    Role of {u.name}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    name="role"
                    defaultValue={u.role}
                    className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
                  >
                    <option value="learner">learner</option>
                    <option value="teacher">teacher</option>
                    <option value="admin">admin</option>
                  </select>
                  <button type="submit" className={quietButton}>
                    Save<span className="sr-only"> role of {u.name}</span>
                  </button>
                </ActionFormClient>
                <TemporaryPasswordClient action={giveTemporaryPasswordAction} userId={u.id} name={u.name} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
