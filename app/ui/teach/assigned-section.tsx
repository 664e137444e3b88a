import type { Actor } from "@/app/lib/auth/actor";
import { listAssignedToMe } from "@/app/lib/assignments/service";
import Link from "next/link";
import { mayCreateClass, myClasses } from "@/app/lib/classes/service";
import { joinClassAction, leaveClassAction } from "@/app/lib/actions/teach-actions";
import { ActionFormClient } from "./action-form-client";
import { AssignedList } from "./assigned-list";
import { card, input, link, muted, quietButton } from "./styles";

/** The dashboard's "Assigned to you" card, with the learner's classes and a join-by-code form. */
export async function AssignedSection({ actor, now }: { actor: Actor; now: Date }) {
  const [assigned, classes] = await Promise.all([listAssignedToMe(actor, now), myClasses(actor)]);
  return (
    <section id="assigned" aria-labelledby="assigned-heading" className={`mt-6 ${card}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="assigned-heading" className="text-lg font-semibold">
          Assigned to you
        </h2>
        {mayCreateClass(actor) && (
          <Link href="/teach" className={`text-sm ${link}`}>
            Teach a class
          </Link>
        )}
      </div>
      {assigned.length > 0 ? (
        <AssignedList assigned={assigned} />
      ) : (
        <p className={`mt-1 text-sm ${muted}`}>
          {classes.length ? "Nothing assigned yet." : "Join a class with the code your teacher gives you."}
        </p>
      )}
      <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <ActionFormClient action={joinClassAction} className="flex items-end gap-2">
          <div>
            <label htmlFor="join-code" className="block text-sm font-medium">
              Class code
            </label>
            <input
              id="join-code"
              name="code"
              required
              maxLength={20}
              autoComplete="off"
              className={`mt-1 font-mono ${input}`}
            />
          </div>
          <button type="submit" className={quietButton}>
            Join class
          </button>
        </ActionFormClient>
        {classes.length > 0 && (
          <ul className={`text-sm ${muted}`} aria-label="Your classes">
            {classes.map((c) => (
              <li key={c.classId} className="flex items-center gap-2">
                {c.name} ({c.teacherName})
                <ActionFormClient action={leaveClassAction} label={`Leave ${c.name}`}>
                  <input type="hidden" name="classId" value={c.classId} />
                  <button type="submit" className="underline hover:no-underline">
                    Leave<span className="sr-only"> {c.name}</span>
                  </button>
                </ActionFormClient>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
