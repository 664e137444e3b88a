"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LearnerAnswer } from "@/app/lib/attempts/views";

/**
 * Saves a quiz's answers so that none is lost:
 * - every change is written at once to a local journal (localStorage), so a reload, a crash or
 *   a dropped connection keeps it, and it is sent again on the next visit;
 * - choices are sent at once; typed answers after a pause, or sooner when `flush` is called
 *   (Enter, leaving the field, Next, submit) and when the page is hidden or closed;
 * - requests use `fetch(..., { keepalive: true })`, so a save started as the tab closes still
 *   reaches the server; failed saves are retried (on reconnect, on a timer, or by `retry`).
 */
export type SaveState = "pending" | "saving" | "saved" | "offline" | "error";

export interface Autosave {
  /** Save state by question id (absent: nothing to save yet). */
  states: Record<string, SaveState>;
  /** Last server refusal, when a save was rejected rather than lost on the way. */
  lastError: string | null;
  /** Record an answer; typed answers wait for a pause (or a flush) before going out. */
  change: (questionId: string, answer: LearnerAnswer, options?: { typed?: boolean }) => void;
  /** Send everything pending now; resolves true when every answer is on the server. */
  flush: () => Promise<boolean>;
  /** Try the failed saves again now. */
  retry: () => void;
}

const TYPED_DELAY_MS = 800;
const RETRY_DELAY_MS = 4000;

function journalKey(attemptId: string) {
  return `quiz-drafts:${attemptId}`;
}

/** Answers given in this browser and not yet confirmed by the server, by question id. */
export function readDrafts(attemptId: string): Record<string, LearnerAnswer> {
  try {
    const raw = window.localStorage.getItem(journalKey(attemptId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Record<string, LearnerAnswer> = {};
    for (const [id, value] of Object.entries(parsed)) {
      if (isLearnerAnswer(value)) out[id] = value;
    }
    return out;
  } catch {
    return {};
  }
}

function isLearnerAnswer(value: unknown): value is LearnerAnswer {
  if (typeof value === "string") return true;
  if (!Array.isArray(value)) return false;
  return value.every(
    (v) =>
      typeof v === "string" ||
      (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string"),
  );
}

function writeDrafts(attemptId: string, drafts: Map<string, LearnerAnswer>) {
  try {
    if (drafts.size === 0) window.localStorage.removeItem(journalKey(attemptId));
    else window.localStorage.setItem(journalKey(attemptId), JSON.stringify(Object.fromEntries(drafts)));
  } catch {
    // Private mode or a full quota: the server copy is still the record.
  }
}

export function clearDrafts(attemptId: string) {
  try {
    window.localStorage.removeItem(journalKey(attemptId));
  } catch {
    // nothing stored
  }
}

type SendOutcome = "saved" | "offline" | "error";

async function sendAnswer(
  attemptId: string,
  questionId: string,
  answer: LearnerAnswer,
): Promise<{ outcome: SendOutcome; message?: string }> {
  try {
    const res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/responses`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ questionId, answer }),
      keepalive: true,
      credentials: "same-origin",
    });
    if (res.ok) return { outcome: "saved" };
    const body: unknown = await res.json().catch(() => null);
    const message =
      body && typeof body === "object" && "error" in body && typeof body.error === "string"
        ? body.error
        : `The server refused the answer (${res.status}).`;
    return { outcome: res.status >= 500 ? "offline" : "error", message };
  } catch {
    return { outcome: "offline" };
  }
}

export function useAutosave(attemptId: string | null): Autosave {
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [lastError, setLastError] = useState<string | null>(null);
  /** Answers not yet confirmed by the server (the journal mirrors this). */
  const dirty = useRef(new Map<string, LearnerAnswer>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  /** One request chain per question, so an older answer never lands after a newer one. */
  const chains = useRef(new Map<string, Promise<void>>());
  const attemptRef = useRef(attemptId);

  const setState = useCallback((questionId: string, state: SaveState) => {
    setStates((s) => (s[questionId] === state ? s : { ...s, [questionId]: state }));
  }, []);

  const send = useCallback(
    (questionId: string): Promise<void> => {
      const attempt = attemptRef.current;
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      timers.current.delete(questionId);
      if (!attempt) return Promise.resolve();
      const previous = chains.current.get(questionId) ?? Promise.resolve();
      const next = previous.then(async () => {
        const answer = dirty.current.get(questionId);
        if (answer === undefined || attemptRef.current !== attempt) return;
        setState(questionId, "saving");
        const { outcome, message } = await sendAnswer(attempt, questionId, answer);
        if (attemptRef.current !== attempt) return;
        if (outcome === "saved") {
          // A newer answer given while this one travelled stays dirty and goes out next.
          if (dirty.current.get(questionId) === answer) {
            dirty.current.delete(questionId);
            writeDrafts(attempt, dirty.current);
            setState(questionId, "saved");
          } else {
            setState(questionId, "pending");
          }
          return;
        }
        setState(questionId, outcome);
        if (message) setLastError(message);
      });
      chains.current.set(questionId, next);
      return next;
    },
    [setState],
  );

  const flush = useCallback(async () => {
    await Promise.all([...dirty.current.keys()].map((id) => send(id)));
    return dirty.current.size === 0;
  }, [send]);

  const change = useCallback(
    (questionId: string, answer: LearnerAnswer, options?: { typed?: boolean }) => {
      const attempt = attemptRef.current;
      if (!attempt) return;
      dirty.current.set(questionId, answer);
      writeDrafts(attempt, dirty.current);
      setState(questionId, "pending");
      setLastError(null);
      if (!options?.typed) {
        void send(questionId);
        return;
      }
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      timers.current.set(
        questionId,
        setTimeout(() => void send(questionId), TYPED_DELAY_MS),
      );
    },
    [send, setState],
  );

  const retry = useCallback(() => {
    setLastError(null);
    void flush();
  }, [flush]);

  // A new attempt starts with a clean slate; answers left in the journal by an earlier visit
  // are picked up by the caller (readDrafts) and handed back through `change`.
  useEffect(() => {
    attemptRef.current = attemptId;
    const pending = timers.current;
    const unsaved = dirty.current;
    const queues = chains.current;
    return () => {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      unsaved.clear();
      queues.clear();
      setStates({});
    };
  }, [attemptId]);

  // While a save is failing for want of a connection, try again every few seconds.
  const offline = Object.values(states).includes("offline");
  useEffect(() => {
    if (!offline) return;
    const timer = setInterval(() => void flush(), RETRY_DELAY_MS);
    return () => clearInterval(timer);
  }, [offline, flush]);

  // Leaving the page (tab hidden, closed, reloaded, navigated away) sends what is pending;
  // coming back online retries what failed.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const onLeave = () => void flush();
    const onOnline = () => void flush();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onLeave);
    window.addEventListener("beforeunload", onLeave);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onLeave);
      window.removeEventListener("beforeunload", onLeave);
      window.removeEventListener("online", onOnline);
    };
  }, [flush]);

  return { states, lastError, change, flush, retry };
}

/** One state for the whole quiz: the worst of the questions' states. */
export function overallState(states: Record<string, SaveState>): SaveState | null {
  const values = Object.values(states);
  for (const s of ["error", "offline", "saving", "pending", "saved"] as const) {
    if (values.includes(s)) return s;
  }
  return null;
}
