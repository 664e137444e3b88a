"use client";

import { useCallback, useState } from "react";

/**
 * One polite live region for an island's whole life (a region mounted with its text already in
 * it is often not read), and a function that puts a message in it.
 */
export function useAnnouncer(testId: string) {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => {
    setMessage("");
    requestAnimationFrame(() => setMessage(text));
  }, []);
  const region = (
    <p aria-live="polite" role="status" className="sr-only" data-testid={testId}>
      {message}
    </p>
  );
  return { announce, region };
}
