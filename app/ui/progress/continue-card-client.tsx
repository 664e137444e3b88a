"use client";

import { useEffect, useState } from "react";
import { useSession } from "next-auth/react";
import type { NextStep } from "@/app/lib/progress/next-step-views";
import { ContinueCard } from "./continue-card";

/** The "continue" card on the static home page, for a signed-in learner (guests see nothing). */
export function ContinueCardClient() {
  const { status } = useSession();
  const [step, setStep] = useState<NextStep | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    fetch("/api/progress/next", { credentials: "same-origin", cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) return;
        const body = (await res.json()) as { ok: true; data: NextStep };
        if (live) setStep(body.data);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [status]);

  if (status !== "authenticated" || !step) return null;
  return (
    <div className="mt-8 max-w-3xl">
      <ContinueCard step={step} />
    </div>
  );
}
