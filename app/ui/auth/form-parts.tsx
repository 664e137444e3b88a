import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * Presentational pieces shared by the auth islands (no "use client": they become part of
 * whichever island imports them). Every field has a visible label; hints and errors are tied to
 * the input with aria-describedby, and the input is marked aria-invalid while it has an error.
 */

export type FormState =
  { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> } | null;

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "placeholder:text-stone-400 focus:border-accent-600 aria-[invalid=true]:border-red-600 " +
  "dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:aria-[invalid=true]:border-red-400";

export const primaryButtonClass =
  "inline-flex w-full items-center justify-center rounded-md bg-accent-600 px-4 py-2.5 font-medium text-white " +
  "hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-stone-300 px-4 py-2 font-medium " +
  "hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-900";

/** A text field's value from submitted FormData ("" when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function fieldErrorsOf(state: FormState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

type FieldProps = {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
};

/** Label + control + hint + errors, wired together for assistive technology. */
export function Field({ id, label, errors, hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(describedBy, !!errorId)}
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children"> & {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
};

export function TextField({ id, label, errors, hint, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClass}
          {...input}
        />
      )}
    </Field>
  );
}

/**
 * The form-level message. It is always in the DOM (a live region must exist before its text
 * changes for screen readers to announce the change).
 */
export function FormStatus({ state, success }: { state: FormState; success?: string }) {
  const message = state ? (state.ok ? success : state.error) : undefined;
  const isError = !!state && !state.ok;
  return (
    <div aria-live="polite" aria-atomic="true" className="min-h-0">
      {message ? (
        <p
          role={isError ? "alert" : "status"}
          className={
            isError
              ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
              : "rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200"
          }
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** After a failed submit, move focus to the first invalid field (keyboard and screen-reader users). */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}
