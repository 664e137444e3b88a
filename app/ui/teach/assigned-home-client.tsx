"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";
import type { AssignedView } from "@/app/lib/assignments/service";

/**
 * "Assigned to you" on the (static) home page: fetched after load for a signed-in learner, so the
 * page itself stays prerendered. Shows nothing when nothing is assigned.
 */
export function AssignedHomeClient() {
  const { status } = useSession();
  const [assigned, setAssigned] = useState<AssignedView[]>([]);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    fetch("/api/assignments", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ ok: boolean; data?: AssignedView[] }>) : null))
      .then((body) => {
        if (live && body?.ok && body.data) setAssigned(body.data);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [status]);

  if (assigned.length === 0) return null;
  return (
    <section
      aria-labelledby="home-assigned"
      className="mt-8 rounded-lg border border-accent-300 bg-accent-50 p-4 dark:border-accent-700 dark:bg-stone-900"
      data-testid="home-assigned"
    >
      <h2 id="home-assigned" className="text-lg font-semibold">
        Assigned to you
      </h2>
      <ul className="mt-2 space-y-1">
        {assigned.map((a) => (
          <li key={a.id}>
            <Link href="/dashboard#assigned" className="font-medium hover:underline">
              {a.title}
            </Link>{" "}
            <span className="text-sm text-stone-700 dark:text-stone-300">
              due {a.dueRelative} ({a.dueAbsolute}) · {a.done} of {a.lessons.length} done
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
