"use client";

import { useState, useSyncExternalStore } from "react";
import { inputClass } from "./form-parts";

type Props = {
  id: string;
  name: string;
  /** Timezones the server accepts (rendered on the server, so hydration matches). */
  zones: string[];
  /** The saved value; when absent, the browser's own timezone is chosen after hydration. */
  initial?: string;
  describedBy?: string;
  invalid?: boolean;
};

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

const noSubscription = () => () => undefined;

/** A timezone picker that defaults to the browser's zone. The server validates whatever is sent. */
export function TimezoneSelect({ id, name, zones, initial, describedBy, invalid }: Props) {
  // The browser's zone is read after hydration (the server snapshot is undefined), so the
  // server-rendered markup and the first client render agree.
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => undefined);
  const fallback = initial ?? browserZone;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const value = chosen ?? fallback ?? "UTC";
  // Browsers and the server's ICU can spell a zone differently (Asia/Kolkata vs Asia/Calcutta).
  const extra = fallback && !zones.includes(fallback) ? fallback : undefined;

  const options = extra ? [extra, ...zones] : zones;
  return (
    <select
      id={id}
      name={name}
      value={value}
      onChange={(event) => setChosen(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      autoComplete="off"
      className={inputClass}
    >
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
