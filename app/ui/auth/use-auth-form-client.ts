"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { focusFirstInvalid, type FormState } from "./form-parts";

/**
 * The submit plumbing every auth form shares: useActionState, focus on the first invalid field
 * after an error, and a submit handler that dispatches through a transition (not the `action`
 * prop), which keeps what was typed when the server answers with an error. `method="post"`:
 * a submit before hydration must never put a password in a URL.
 */
export function useAuthForm(
  action: (previous: FormState, form: FormData) => Promise<FormState>,
  initialState: FormState = null,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, initialState);

  useEffect(() => {
    if (state && !state.ok) focusFirstInvalid(formRef.current);
  }, [state]);

  const formProps = {
    ref: formRef,
    noValidate: true,
    method: "post",
    onSubmit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      startTransition(() => dispatch(data));
    },
  } as const;

  return { state, pending, formProps };
}
