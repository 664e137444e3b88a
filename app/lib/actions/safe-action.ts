import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActor, getOrCreateActor, getSessionUser, type Actor, type UserActor } from "@/app/lib/auth/actor";
import type { Role } from "@/app/lib/auth/roles";

/**
 * The one wrapper every server action goes through: parse the input (FormData or a plain object)
 * with one zod schema, resolve who is acting, run the handler, and return a serialisable result.
 * Nothing thrown inside reaches the client except Next's own redirect/notFound signals.
 */

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** An expected failure with a message for the user (and optionally per-field messages). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export type ActorMode = "public" | "allowGuest" | "requireUser";
type ActorFor<M extends ActorMode> = M extends "requireUser"
  ? UserActor
  : M extends "allowGuest"
    ? Actor
    : Actor | null;

export type ActionContext<M extends ActorMode> = { actor: ActorFor<M> };

/**
 * A wrapped action can be called directly (`await action(input)`) or handed to useActionState
 * (`useActionState(action, null)`, which calls it with `(previousState, formData)`).
 */
export type SafeAction<I, T> = {
  (input: I | FormData): Promise<ActionResult<T>>;
  (previousState: ActionResult<T> | null, input: I | FormData): Promise<ActionResult<T>>;
};

export const MESSAGES = {
  invalid: "Please correct the highlighted fields.",
  signIn: "Please sign in to continue.",
  forbidden: "You do not have permission to do that.",
  unexpected: "Something went wrong on our side. Please try again.",
} as const;

/** Caps on raw input before zod sees it (zod schemas bound each string themselves). */
const MAX_FIELDS = 100;
const MAX_VALUES_PER_FIELD = 200;

/** FormData → plain object. Repeated keys become arrays; React/Next internals ($ACTION_…) are dropped. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let fields = 0;
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (!(key in out)) {
      if (++fields > MAX_FIELDS) throw new ActionError("Too many fields in this form.");
      out[key] = value;
      continue;
    }
    const existing = out[key];
    const list = Array.isArray(existing) ? existing : [existing];
    if (list.length >= MAX_VALUES_PER_FIELD) throw new ActionError("Too many values in this form.");
    list.push(value);
    out[key] = list;
  }
  return out;
}

/** Zod issues → `{ "field": ["message", …] }`; issues without a path go under "_form". */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

type Options<S extends z.ZodType, M extends ActorMode> = {
  schema: S;
  actor: M;
  /** With requireUser: only these roles may run the action. */
  roles?: readonly Role[];
};

export function safeAction<S extends z.ZodType, M extends ActorMode, T>(
  options: Options<S, M>,
  handler: (input: z.output<S>, context: ActionContext<M>) => Promise<T>,
): SafeAction<z.input<S>, T> {
  const run = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const raw = args.length >= 2 ? args[1] : args[0];
    try {
      const input = raw instanceof FormData ? formDataToObject(raw) : (raw ?? {});

      // Identity first: a signed-out visitor learns nothing about the input rules of a
      // members-only action.
      let actor: Actor | null;
      if (options.actor === "requireUser") {
        actor = await getSessionUser();
        if (!actor) return { ok: false, error: MESSAGES.signIn };
        if (options.roles && !options.roles.includes(actor.role))
          return { ok: false, error: MESSAGES.forbidden };
      } else {
        actor = await getActor();
      }

      const parsed = await options.schema.safeParseAsync(input);
      if (!parsed.success) {
        return { ok: false, error: MESSAGES.invalid, fieldErrors: zodFieldErrors(parsed.error) };
      }

      // A guest cookie is created only once the input is valid and the action will really run.
      if (options.actor === "allowGuest" && !actor) actor = await getOrCreateActor();

      const data = await handler(parsed.data, { actor } as ActionContext<M>);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's dynamic-rendering signals
      if (error instanceof ActionError) {
        return error.fieldErrors
          ? { ok: false, error: error.message, fieldErrors: error.fieldErrors }
          : { ok: false, error: error.message };
      }
      console.error("Server action failed", error);
      return { ok: false, error: MESSAGES.unexpected };
    }
  };
  return run as SafeAction<z.input<S>, T>;
}

/** Anyone (the handler gets the actor if there is one). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"public">) => Promise<T>,
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "public" }, handler);
}

/** A user or a guest; a visitor with neither becomes a guest (HttpOnly cookie). */
export function allowGuest<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"allowGuest">) => Promise<T>,
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "allowGuest" }, handler);
}

/** Signed-in users only, optionally only some roles. */
export function requireUser<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"requireUser">) => Promise<T>,
  options: { roles?: readonly Role[] } = {},
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "requireUser", roles: options.roles }, handler);
}
