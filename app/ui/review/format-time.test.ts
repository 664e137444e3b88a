import { describe, expect, it } from "vitest";
import { formatDue } from "./format-time";

const now = new Date("2026-03-02T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe("formatDue", () => {
  it("says now, minutes, hours or days, with the time in the learner's timezone", () => {
    expect(formatDue(later(0), now, "UTC")).toBe("now (Mon 2 Mar, 10:00)");
    expect(formatDue(later(60_000), now, "UTC")).toBe("in 1 minute (Mon 2 Mar, 10:01)");
    expect(formatDue(later(10 * 60_000), now, "Europe/Paris")).toBe("in 10 minutes (Mon 2 Mar, 11:10)");
    expect(formatDue(later(5 * 3_600_000), now, "UTC")).toBe("in 5 hours (Mon 2 Mar, 15:00)");
    expect(formatDue(later(2 * 86_400_000), now, "America/New_York")).toBe("in 2 days (Wed 4 Mar, 05:00)");
  });
  it("falls back to UTC for an unknown timezone", () => {
    expect(formatDue(later(0), now, "Nowhere/Land")).toBe("now (Mon 2 Mar, 10:00)");
  });
});
