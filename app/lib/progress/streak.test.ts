import { describe, expect, it } from "vitest";
import { computeStreak, localDay, safeTimeZone } from "./streak";

const at = (iso: string) => new Date(iso);

describe("localDay", () => {
  it("reads the calendar date in the learner's timezone", () => {
    const instant = at("2026-01-10T02:30:00Z");
    expect(localDay(instant, "UTC")).toBe("2026-01-10");
    expect(localDay(instant, "America/New_York")).toBe("2026-01-09"); // 21:30 the day before
    expect(localDay(at("2026-01-10T20:30:00Z"), "Asia/Tokyo")).toBe("2026-01-11");
    expect(localDay(at("2026-01-10T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-01-11"); // UTC+14
  });
  it("falls back to UTC for an unknown timezone", () => {
    expect(safeTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(safeTimeZone("")).toBe("UTC");
    expect(localDay(at("2026-01-10T23:59:00Z"), "Not/AZone")).toBe("2026-01-10");
  });
});

describe("computeStreak", () => {
  it("is zero with no activity", () => {
    expect(computeStreak([], "UTC", at("2026-01-10T12:00:00Z"))).toEqual({
      current: 0,
      longest: 0,
      activeToday: false,
      days: [],
    });
  });

  it("counts consecutive days ending today, several activities a day count once", () => {
    const s = computeStreak(
      [
        at("2026-01-08T09:00:00Z"),
        at("2026-01-09T09:00:00Z"),
        at("2026-01-09T18:00:00Z"),
        at("2026-01-10T07:00:00Z"),
      ],
      "UTC",
      at("2026-01-10T12:00:00Z"),
    );
    expect(s).toMatchObject({ current: 3, longest: 3, activeToday: true });
    expect(s.days).toEqual(["2026-01-10", "2026-01-09", "2026-01-08"]);
  });

  it("stays alive through today if yesterday was active, and breaks after a missed day", () => {
    const activity = [at("2026-01-08T09:00:00Z"), at("2026-01-09T09:00:00Z")];
    expect(computeStreak(activity, "UTC", at("2026-01-10T23:00:00Z"))).toMatchObject({
      current: 2,
      activeToday: false,
    });
    expect(computeStreak(activity, "UTC", at("2026-01-11T00:30:00Z"))).toMatchObject({
      current: 0,
      longest: 2,
    });
  });

  it("keeps the longest run separately from the current one", () => {
    const activity = ["01", "02", "03", "04", "07", "08"].map((d) => at(`2026-01-${d}T12:00:00Z`));
    expect(computeStreak(activity, "UTC", at("2026-01-08T13:00:00Z"))).toMatchObject({
      current: 2,
      longest: 4,
    });
  });

  it("uses the learner's local days, not UTC days", () => {
    // 23:30 and 00:30 New York time on consecutive local days are 04:30 and 05:30 UTC the next days.
    const activity = [at("2026-01-09T04:30:00Z"), at("2026-01-10T05:30:00Z")]; // NY: Jan 8 23:30, Jan 10 00:30
    expect(computeStreak(activity, "America/New_York", at("2026-01-10T15:00:00Z"))).toMatchObject({
      current: 1,
      longest: 1,
    });
    expect(computeStreak(activity, "UTC", at("2026-01-10T15:00:00Z"))).toMatchObject({
      current: 2,
      longest: 2,
    });
  });

  it("two activities on one UTC day can be two local days (and vice versa)", () => {
    const activity = [at("2026-01-10T01:00:00Z"), at("2026-01-10T22:00:00Z")];
    expect(computeStreak(activity, "UTC", at("2026-01-10T23:00:00Z")).current).toBe(1);
    // Los Angeles: Jan 9 17:00 and Jan 10 14:00 → two days
    expect(computeStreak(activity, "America/Los_Angeles", at("2026-01-10T23:00:00Z")).current).toBe(2);
  });

  it("a 23-hour spring-forward day is still one day (Europe/London, 29 March 2026)", () => {
    const tz = "Europe/London";
    const activity = [at("2026-03-28T23:30:00Z"), at("2026-03-29T22:30:00Z"), at("2026-03-30T00:10:00Z")];
    // local: Mar 28 23:30 GMT, Mar 29 23:30 BST, Mar 30 01:10 BST
    expect(activity.map((d) => localDay(d, tz))).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(computeStreak(activity, tz, at("2026-03-30T12:00:00Z"))).toMatchObject({
      current: 3,
      longest: 3,
      activeToday: true,
    });
  });

  it("a 25-hour fall-back day is still one day (America/New_York, 1 November 2026)", () => {
    const tz = "America/New_York";
    // 00:30 EDT and 23:30 EST on Nov 1 are 25 hours apart but the same local day.
    const activity = [at("2026-11-01T04:30:00Z"), at("2026-11-02T04:30:00Z"), at("2026-10-31T15:00:00Z")];
    expect(activity.map((d) => localDay(d, tz))).toEqual(["2026-11-01", "2026-11-01", "2026-10-31"]);
    expect(computeStreak(activity, tz, at("2026-11-02T04:45:00Z"))).toMatchObject({
      current: 2,
      activeToday: true,
    });
    // An hour later it is Nov 2 locally: nothing yet today, streak still alive from yesterday.
    expect(computeStreak(activity, tz, at("2026-11-02T05:30:00Z"))).toMatchObject({
      current: 2,
      activeToday: false,
    });
  });

  it("crosses month and year boundaries and ignores future timestamps", () => {
    const activity = [at("2025-12-31T12:00:00Z"), at("2026-01-01T12:00:00Z"), at("2026-01-05T12:00:00Z")];
    expect(computeStreak(activity, "UTC", at("2026-01-01T13:00:00Z"))).toMatchObject({
      current: 2,
      longest: 2,
    });
  });

  it("handles a timezone east of UTC+12 across the date line", () => {
    const tz = "Pacific/Auckland"; // UTC+13 in January
    const activity = [at("2026-01-09T11:30:00Z"), at("2026-01-10T10:30:00Z")]; // local Jan 10 00:30, Jan 10 23:30
    expect(computeStreak(activity, tz, at("2026-01-10T10:45:00Z"))).toMatchObject({ current: 1, longest: 1 });
  });
});
