export default function Loading() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-10" aria-busy="true">
      <p className="text-stone-600 dark:text-stone-400" role="status">
        Loading the quiz…
      </p>
    </main>
  );
}
