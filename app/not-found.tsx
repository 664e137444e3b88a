import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-sm font-medium text-accent-700 dark:text-accent-300">404</p>
      <h1 className="mt-2 text-2xl font-bold">We could not find that page</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        The lesson or page may have moved. Every lesson is listed on the home page.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
      >
        Go to all lessons
      </Link>
    </main>
  );
}
