"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Your answers and progress are saved as you go. Try again; if it keeps happening, reload the page.
      </p>
      {error.digest && <p className="mt-2 text-xs text-stone-500">Reference: {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
      >
        Try again
      </button>
    </main>
  );
}
