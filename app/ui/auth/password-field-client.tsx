"use client";

import { useId, useState, type ReactNode } from "react";
import { Field, inputClass } from "./form-parts";

type Props = {
  id: string;
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  errors?: string[];
  hint?: ReactNode;
  minLength?: number;
  maxLength?: number;
};

/** A password input with a "Show password" checkbox (a real, keyboard-reachable control). */
export function PasswordField({ id, name, label, autoComplete, errors, hint, minLength, maxLength }: Props) {
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      {(describedBy, invalid) => (
        <>
          <input
            id={id}
            name={name}
            type={visible ? "text" : "password"}
            autoComplete={autoComplete}
            required
            minLength={minLength}
            maxLength={maxLength}
            spellCheck={false}
            autoCapitalize="none"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass}
          />
          <div className="flex items-center gap-2 pt-1 text-sm">
            <input
              id={toggleId}
              type="checkbox"
              checked={visible}
              onChange={(event) => setVisible(event.target.checked)}
              className="h-4 w-4 accent-accent-600"
            />
            <label htmlFor={toggleId}>Show password</label>
          </div>
        </>
      )}
    </Field>
  );
}
