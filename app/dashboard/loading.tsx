export default function Loading() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:py-10" aria-busy="true">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your progress</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400" role="status">
        Loading your dashboard…
      </p>
    </main>
  );
}
