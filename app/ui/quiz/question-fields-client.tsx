"use client";

import { useRef } from "react";
import type { LearnerAnswer, PublicQuestion } from "@/app/lib/attempts/views";

/**
 * The answer controls for one question, by type. Every control is a native form element with a
 * label, so the keyboard and screen readers work without extra scripting: radio groups (arrow
 * keys), a text field, up/down buttons for ordering, one select per item for matching.
 */
export interface FieldProps<Q extends PublicQuestion> {
  question: Q;
  value: LearnerAnswer | undefined;
  onChange: (value: LearnerAnswer, options?: { typed?: boolean }) => void;
  /** The learner is done with a typed answer (left the field): save it now. */
  onCommit?: () => void;
  /** id of the element holding the prompt (describes the controls). */
  promptId: string;
  /** Announce something politely (e.g. "moved to position 2"). */
  announce: (message: string) => void;
}

const radioRow =
  "flex cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white px-3 py-2.5 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 dark:border-stone-700 dark:bg-stone-900 dark:has-[:checked]:border-accent-300 dark:has-[:checked]:bg-stone-800";

export function ChoiceField({
  question,
  value,
  onChange,
  promptId,
}: FieldProps<Extract<PublicQuestion, { type: "multiple_choice" | "true_false" }>>) {
  return (
    <fieldset aria-describedby={promptId}>
      <legend className="sr-only">Choose one answer</legend>
      <div className="space-y-2">
        {question.choices.map((choice, i) => (
          <label key={choice} className={radioRow}>
            <input
              type="radio"
              name={`q-${question.id}`}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
              className="mt-1 h-4 w-4 shrink-0 accent-accent-600"
              data-testid={`choice-${i}`}
            />
            <span>{choice}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function BlankField({
  question,
  value,
  onChange,
  onCommit,
  promptId,
}: FieldProps<Extract<PublicQuestion, { type: "fill_blank" }>>) {
  const inputId = `blank-${question.id}`;
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium">
        Your answer for the blank
      </label>
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={300}
        aria-describedby={promptId}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value, { typed: true })}
        onBlur={onCommit}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-900"
        data-testid="blank-input"
      />
      <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        Spelling slips are forgiven; press Enter to go on.
      </p>
    </div>
  );
}

export function OrderingField({
  question,
  value,
  onChange,
  promptId,
  announce,
}: FieldProps<Extract<PublicQuestion, { type: "ordering" }>>) {
  const given =
    Array.isArray(value) &&
    value.length === question.items.length &&
    value.every((v): v is string => typeof v === "string")
      ? value
      : null;
  const items = given ?? question.items;
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  function move(from: number, to: number, direction: "up" | "down") {
    if (to < 0 || to >= items.length) return;
    const next = items.slice();
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onChange(next);
    announce(`“${item}” moved to position ${to + 1} of ${next.length}.`);
    // Keep focus on the moved item; if its button just became disabled, use the other one.
    requestAnimationFrame(() => {
      const atEdge = (direction === "up" && to === 0) || (direction === "down" && to === next.length - 1);
      const key = `${item}|${atEdge ? (direction === "up" ? "down" : "up") : direction}`;
      buttons.current.get(key)?.focus();
    });
  }

  const btn =
    "rounded border border-stone-300 px-2.5 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-40 dark:border-stone-700 dark:hover:bg-stone-800";
  return (
    <div role="group" aria-describedby={promptId} aria-label="Order the items, earliest first">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Earliest first. Use the Up and Down buttons to move an item.
      </p>
      <ol className="mt-2 space-y-2" data-testid="ordering-list">
        {items.map((item, i) => (
          <li
            key={item}
            className="flex items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
          >
            <span
              className="w-6 shrink-0 text-sm font-semibold text-stone-600 dark:text-stone-400"
              aria-hidden
            >
              {i + 1}.
            </span>
            <span className="min-w-0 flex-1 break-words">{item}</span>
            <span className="flex shrink-0 gap-1">
              <button
                type="button"
                ref={(el) => {
                  buttons.current.set(`${item}|up`, el);
                }}
                className={btn}
                disabled={i === 0}
                onClick={() => move(i, i - 1, "up")}
                aria-label={`Move “${item}” up`}
              >
                ↑<span className="sr-only"> up</span>
              </button>
              <button
                type="button"
                ref={(el) => {
                  buttons.current.set(`${item}|down`, el);
                }}
                className={btn}
                disabled={i === items.length - 1}
                onClick={() => move(i, i + 1, "down")}
                aria-label={`Move “${item}” down`}
              >
                ↓<span className="sr-only"> down</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      {given ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400" data-testid="ordering-set">
          This order is your answer. Move an item to change it.
        </p>
      ) : (
        <button
          type="button"
          onClick={() => {
            onChange(items.slice());
            announce("This order is your answer.");
          }}
          className="mt-3 rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
          data-testid="ordering-keep"
        >
          Keep this order as my answer
        </button>
      )}
    </div>
  );
}

export function MatchingField({
  question,
  value,
  onChange,
  promptId,
}: FieldProps<Extract<PublicQuestion, { type: "matching" }>>) {
  const pairs = new Map(
    Array.isArray(value)
      ? (value as unknown[])
          .filter((p): p is [string, string] => Array.isArray(p) && p.length === 2)
          .map((p) => [p[0], p[1]])
      : [],
  );
  function set(left: string, right: string) {
    const next = new Map(pairs);
    if (right === "") next.delete(left);
    else next.set(left, right);
    onChange(question.left.filter((l) => next.has(l)).map((l) => [l, next.get(l) ?? ""] as [string, string]));
  }
  return (
    <fieldset aria-describedby={promptId}>
      <legend className="text-sm text-stone-600 dark:text-stone-400">Choose the match for each item.</legend>
      <ul className="mt-2 space-y-3">
        {question.left.map((left, i) => {
          const id = `match-${question.id}-${i}`;
          return (
            <li
              key={left}
              className="rounded-md border border-stone-300 bg-white p-3 dark:border-stone-700 dark:bg-stone-900"
            >
              <label htmlFor={id} className="block font-medium">
                {left}
              </label>
              <select
                id={id}
                value={pairs.get(left) ?? ""}
                onChange={(e) => set(left, e.target.value)}
                className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-2 text-base dark:border-stone-700 dark:bg-stone-950"
                data-testid="matching-select"
              >
                <option value="">Choose a match…</option>
                {question.right.map((right) => (
                  <option key={right} value={right}>
                    {right}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function QuestionFields(props: FieldProps<PublicQuestion>) {
  const q = props.question;
  switch (q.type) {
    case "multiple_choice":
    case "true_false":
      return <ChoiceField {...props} question={q} />;
    case "fill_blank":
      return <BlankField {...props} question={q} />;
    case "ordering":
      return <OrderingField {...props} question={q} />;
    case "matching":
      return <MatchingField {...props} question={q} />;
  }
}
