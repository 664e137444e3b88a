import { describe, expect, it } from "vitest";
import { profileSchema, signInSchema, signUpSchema, userCreateSchema } from "./schemas";
import { isValidTimeZone, listTimeZones, normalizeTimeZone } from "./timezones";
import { safeCallbackUrl } from "./redirects";

const valid = {
  name: "Ann Example",
  email: "Ann@Example.org ",
  password: "correct horse",
  timezone: "Europe/Paris",
};

function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("signUpSchema", () => {
  it("accepts a valid sign-up and normalises the email", () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed.email).toBe("ann@example.org");
    expect(parsed.name).toBe("Ann Example");
    expect(parsed.timezone).toBe("Europe/Paris");
  });

  it.each([
    "",
    "not-an-email",
    "a@b",
    "ann@@example.org",
    "ann example@example.org",
    `${"a".repeat(250)}@example.org`,
  ])("rejects the email %j", (email) => {
    const result = signUpSchema.safeParse({ ...valid, email });
    expect(result.success).toBe(false);
    expect(fieldErrors(result).email?.length).toBeGreaterThan(0);
  });

  it("rejects short and absurdly long passwords, with a message for the field", () => {
    const short = signUpSchema.safeParse({ ...valid, password: "1234567" });
    expect(fieldErrors(short).password).toEqual(["Use at least 8 characters."]);
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(129) }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, password: "kron1921" }).success).toBe(true);
  });

  it.each(["Mars/Olympus_Mons", "EST", "+01:00", "Europe/Paris; DROP TABLE", "", "x".repeat(70)])(
    "rejects the timezone %j",
    (timezone) => {
      const result = signUpSchema.safeParse({ ...valid, timezone });
      expect(result.success).toBe(false);
      expect(fieldErrors(result).timezone?.length).toBeGreaterThan(0);
    },
  );

  it("rejects empty names, control characters and names over 80 characters", () => {
    expect(fieldErrors(signUpSchema.safeParse({ ...valid, name: "   " })).name).toEqual(["Enter your name."]);
    expect(signUpSchema.safeParse({ ...valid, name: "Ann\u0000" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, name: "A".repeat(81) }).success).toBe(false);
  });

  it("reports missing fields by name", () => {
    const errors = fieldErrors(signUpSchema.safeParse({}));
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password", "timezone"]);
  });
});

describe("signInSchema and profileSchema", () => {
  it("requires both sign-in fields and bounds the password", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x".repeat(1025) }).success).toBe(false);
    expect(signInSchema.parse({ email: " A@B.co", password: "pw" }).email).toBe("a@b.co");
  });

  it("reads the streak checkbox the way browsers send it", () => {
    expect(profileSchema.parse({ name: "A", timezone: "UTC", streakOptIn: "on" }).streakOptIn).toBe(true);
    expect(profileSchema.parse({ name: "A", timezone: "UTC" }).streakOptIn).toBe(false);
  });

  it("userCreateSchema takes any role and rejects unknown ones", () => {
    expect(
      userCreateSchema.parse({ email: "t@example.org", name: "T", role: "teacher", password: "longenough" })
        .role,
    ).toBe("teacher");
    expect(userCreateSchema.parse({ email: "t@example.org", name: "T" }).role).toBe("learner");
    expect(userCreateSchema.safeParse({ email: "t@example.org", name: "T", role: "root" }).success).toBe(
      false,
    );
  });
});

describe("timezones", () => {
  it("accepts IANA names the runtime knows, case-insensitively, and UTC", () => {
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(normalizeTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(normalizeTimeZone("Etc/GMT+5")).toBe("Etc/GMT+5");
  });

  it("lists UTC first and every supported zone", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.every(isValidTimeZone)).toBe(true);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and falls back to the dashboard otherwise", () => {
    expect(safeCallbackUrl("/lessons/q1?x=1#p2")).toBe("/lessons/q1?x=1#p2");
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/x",
      "javascript:alert(1)",
      "dashboard",
      "/sign-in",
    ]) {
      expect(safeCallbackUrl(bad)).toBe("/dashboard");
    }
  });
});
