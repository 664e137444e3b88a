import Link from "next/link";

export type Crumb = { label: string; href?: string };

/** "Home / Module / Lesson 3" trail; the last crumb is the current page (no link). */
export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-600 dark:text-stone-400">
      <ol className="flex flex-wrap gap-x-1">
        {[{ label: "Home", href: "/" }, ...trail].map((crumb, index) => (
          <li key={`${index}-${crumb.label}`} className="flex gap-x-1">
            {index > 0 && <span aria-hidden>/</span>}
            {crumb.href ? (
              <Link href={crumb.href} className="hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
