import type { ReadingItem } from "@/app/lib/content/types";

export function FurtherReading({ items }: { items: ReadingItem[] }) {
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="further-reading"
      className="mt-12 rounded-lg bg-stone-100 p-5 dark:bg-stone-900"
    >
      <h2 id="further-reading" className="mb-3 text-base font-semibold">
        For further reading
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {items.map((item) => (
          <li key={item.text}>
            <cite className="not-italic font-medium">{item.title}</cite>
            {item.author && <span className="text-stone-600 dark:text-stone-400"> — {item.author}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
