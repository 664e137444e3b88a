import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { actorAfterInput, actorBeforeInput, type ActorFor, type ActorMode } from "@/app/lib/auth/actor";
import type { Role } from "@/app/lib/auth/roles";
import { AppError, invalidInput, toAppError, type AppErrorCode, type FieldErrors } from "@/app/lib/errors";

/**
 * The one wrapper every server action goes through: parse the input (FormData or a plain object)
 * with one zod schema, resolve who is acting, run the handler, and return a serialisable result.
 * Handlers throw AppError for expected failures; nothing else thrown reaches the client except
 * Next's own redirect/notFound signals.
 */

export type { FieldErrors };
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: AppErrorCode; error: string; fieldErrors?: FieldErrors };

export type ActionContext<M extends ActorMode> = { actor: ActorFor<M> };

/**
 * A wrapped action can be called directly (`await action(input)`) or handed to useActionState
 * (`useActionState(action, null)`, which calls it with `(previousState, formData)`).
 */
export type SafeAction<I, T> = {
  (input: I | FormData): Promise<ActionResult<T>>;
  (previousState: ActionResult<T> | null, input: I | FormData): Promise<ActionResult<T>>;
};

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
      if (++fields > MAX_FIELDS) throw new AppError("payload_too_large", "Too many fields in this form.");
      out[key] = value;
      continue;
    }
    const existing = out[key];
    const list = Array.isArray(existing) ? existing : [existing];
    if (list.length >= MAX_VALUES_PER_FIELD)
      throw new AppError("payload_too_large", "Too many values in this form.");
    list.push(value);
    out[key] = list;
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
  handler: (input: z.output<S>, context: ActionContext<M>) => T | Promise<T>,
): SafeAction<z.input<S>, T> {
  const run = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const raw = args.length >= 2 ? args[1] : args[0];
    try {
      const input = raw instanceof FormData ? formDataToObject(raw) : (raw ?? {});
      const early = await actorBeforeInput(options.actor, options.roles);
      const parsed = await options.schema.safeParseAsync(input);
      if (!parsed.success) throw invalidInput(parsed.error);
      const actor = await actorAfterInput(options.actor, early);
      return { ok: true, data: await handler(parsed.data, { actor }) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's dynamic-rendering signals
      const appError = toAppError(error);
      if (appError.code === "internal") console.error("Server action failed", error);
      return { ok: false, ...appError.toJSON() };
    }
  };
  return run;
}

/** Anyone (the handler gets the actor if there is one). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"public">) => T | Promise<T>,
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "public" }, handler);
}

/** A user or a guest; a visitor with neither becomes a guest (HttpOnly cookie). */
export function allowGuest<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"allowGuest">) => T | Promise<T>,
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "allowGuest" }, handler);
}

/** A signed-in user or an existing guest (a visitor with neither gets "Start a quiz or sign in first."). */
export function requireActor<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"requireActor">) => T | Promise<T>,
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "requireActor" }, handler);
}

/** Signed-in users only, optionally only some roles. */
export function requireUser<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<"requireUser">) => T | Promise<T>,
  options: { roles?: readonly Role[] } = {},
): SafeAction<z.input<S>, T> {
  return safeAction({ schema, actor: "requireUser", roles: options.roles }, handler);
}
