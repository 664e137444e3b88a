/** Class names shared by the teacher pages (Tailwind; light and dark). */
export const card =
  "rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900";
export const input =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm " +
  "focus:border-accent-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100";
export const button =
  "inline-flex items-center justify-center rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white " +
  "hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60";
export const quietButton =
  "inline-flex items-center justify-center rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium " +
  "hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800";
export const link = "text-accent-700 underline underline-offset-2 hover:no-underline dark:text-accent-300";
export const muted = "text-stone-600 dark:text-stone-400";
