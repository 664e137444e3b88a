import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative, localToUtc, utcToLocal, zoneOffsetMinutes } from "./due";

describe("localToUtc: the teacher's wall clock to a UTC instant", () => {
  it("uses winter time before the spring change (London, GMT)", () => {
    expect(localToUtc("2026-03-27T23:59", "Europe/London")?.toISOString()).toBe("2026-03-27T23:59:00.000Z");
  });

  it("uses summer time after the spring change (London, BST = UTC+1)", () => {
    // Clocks went forward on Sunday 29 March 2026; "Friday 23:59" a week later is 22:59 UTC.
    expect(localToUtc("2026-04-03T23:59", "Europe/London")?.toISOString()).toBe("2026-04-03T22:59:00.000Z");
  });

  it("keeps the teacher's Friday across the autumn change (New York, EDT → EST)", () => {
    // US clocks go back on Sunday 1 November 2026.
    expect(localToUtc("2026-10-30T23:59", "America/New_York")?.toISOString()).toBe(
      "2026-10-31T03:59:00.000Z",
    );
    expect(localToUtc("2026-11-06T23:59", "America/New_York")?.toISOString()).toBe(
      "2026-11-07T04:59:00.000Z",
    );
  });

  it("moves a time skipped by the spring change forward by the gap", () => {
    // 01:30 does not exist in London on 29 March 2026; it reads as 02:30 BST = 01:30 UTC.
    expect(localToUtc("2026-03-29T01:30", "Europe/London")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the first of a repeated autumn hour (daylight time)", () => {
    // 01:30 happens twice in London on 25 October 2026: 00:30 UTC (BST) then 01:30 UTC (GMT).
    expect(localToUtc("2026-10-25T01:30", "Europe/London")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("handles zones east of UTC and half-hour offsets", () => {
    expect(localToUtc("2026-06-05T23:59", "Australia/Melbourne")?.toISOString()).toBe(
      "2026-06-05T13:59:00.000Z",
    );
    expect(localToUtc("2026-06-05T23:59", "Asia/Kolkata")?.toISOString()).toBe("2026-06-05T18:29:00.000Z");
  });

  it("rejects malformed and impossible values", () => {
    expect(localToUtc("2026-04-31T12:00", "UTC")).toBeNull();
    expect(localToUtc("2026-04-30 12:00", "UTC")).toBeNull();
    expect(localToUtc("2026-04-30T24:00", "UTC")).toBeNull();
  });
});

describe("showing a due date", () => {
  const due = new Date("2026-04-03T22:59:00Z");

  it("round-trips to the wall clock of any zone", () => {
    expect(utcToLocal(due, "Europe/London")).toBe("2026-04-03T23:59");
    expect(utcToLocal(due, "America/New_York")).toBe("2026-04-03T18:59");
    expect(utcToLocal(due, "Asia/Tokyo")).toBe("2026-04-04T07:59");
  });

  it("formats the absolute date in the learner's zone", () => {
    expect(formatAbsolute(due, "Europe/London")).toMatch(/Fri.*3 Apr 2026.*23:59/);
    expect(formatAbsolute(due, "Asia/Tokyo")).toMatch(/Sat.*4 Apr 2026.*07:59/);
  });

  it("formats relative time in whole units", () => {
    expect(formatRelative(due, new Date("2026-03-31T22:59:00Z"))).toBe("in 3 days");
    expect(formatRelative(due, new Date("2026-04-04T00:59:00Z"))).toBe("2 hours ago");
    expect(formatRelative(due, due)).toBe("now");
    // 1 day 16 hours after a Saturday 23:59 deadline is Monday: "1 day ago", not "yesterday".
    expect(formatRelative(new Date("2026-11-28T23:59:00Z"), new Date("2026-11-30T15:58:00Z"))).toBe(
      "1 day ago",
    );
    expect(formatRelative(due, new Date("2026-03-20T22:59:00Z"))).toBe("in 2 weeks");
    expect(formatRelative(due, new Date("2023-01-01T00:00:00Z"))).toBe("in 3 years");
  });

  it("reports offsets in minutes", () => {
    expect(zoneOffsetMinutes(due, "Europe/London")).toBe(60);
    expect(zoneOffsetMinutes(due, "America/New_York")).toBe(-240);
  });
});
