"use client";

import { useEffect, useState } from "react";
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

/** A timezone picker that defaults to the browser's zone. The server validates whatever is sent. */
export function TimezoneSelect({ id, name, zones, initial, describedBy, invalid }: Props) {
  const [value, setValue] = useState(initial ?? "UTC");
  const [extra, setExtra] = useState<string | undefined>(
    initial && !zones.includes(initial) ? initial : undefined,
  );

  useEffect(() => {
    if (initial) return;
    const zone = browserTimeZone();
    if (!zone) return;
    // Browsers and the server's ICU can spell a zone differently (Asia/Kolkata vs Asia/Calcutta).
    if (!zones.includes(zone)) setExtra(zone);
    setValue(zone);
  }, [initial, zones]);

  const options = extra ? [extra, ...zones] : zones;
  return (
    <select
      id={id}
      name={name}
      value={value}
      onChange={(event) => setValue(event.target.value)}
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
