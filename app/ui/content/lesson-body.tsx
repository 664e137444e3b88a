import Link from "next/link";
import type { CrossReference } from "@/app/lib/content/cross-references";
import type { Block, Section } from "@/app/lib/content/types";

/**
 * The lesson text: sections with anchored headings, paragraphs, quotations and captions. A
 * pointer such as "See above." is linked to the lesson it points to (`crossReferences`).
 */
export function LessonBody({
  sections,
  crossReferences = [],
}: {
  sections: Section[];
  crossReferences?: CrossReference[];
}) {
  return (
    <div className="font-serif text-[1.075rem] leading-relaxed">
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.heading ? `h-${section.id}` : undefined}>
          {section.heading && (
            <h2
              id={`h-${section.id}`}
              className="group mt-10 mb-4 scroll-mt-20 font-sans text-xl font-semibold tracking-tight"
            >
              <span id={section.id} className="relative -top-20 block" aria-hidden />
              {section.heading}{" "}
              <a
                href={`#${section.id}`}
                className="text-stone-400 no-underline opacity-0 group-hover:opacity-100 focus:opacity-100"
                aria-label={`Link to section ${section.heading}`}
              >
                #
              </a>
            </h2>
          )}
          {groupQuotes(section.blocks).map((item) =>
            Array.isArray(item) ? (
              <QuoteGroup key={item[0]!.id} blocks={item} />
            ) : (
              <BlockView
                key={item.id}
                block={item}
                crossReference={crossReferences.find((r) => r.blockId === item.id)}
              />
            ),
          )}
        </section>
      ))}
    </div>
  );
}

type QuoteBlock = Extract<Block, { kind: "quote" }>;

/** Consecutive quote paragraphs with the same group render as one blockquote. */
function groupQuotes(blocks: Block[]): (Block | QuoteBlock[])[] {
  const out: (Block | QuoteBlock[])[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.kind === "quote" && Array.isArray(last) && last[0]!.group === block.group) {
      last.push(block);
    } else {
      out.push(block.kind === "quote" ? [block] : block);
    }
  }
  return out;
}

function QuoteGroup({ blocks }: { blocks: QuoteBlock[] }) {
  const epigraph = blocks[0]!.epigraph;
  return (
    <blockquote
      className={
        epigraph
          ? "my-6 border-l-0 pl-0 text-right italic text-stone-700 dark:text-stone-300"
          : "my-6 border-l-4 border-accent-600/60 pl-4 text-stone-800 dark:text-stone-200"
      }
    >
      {blocks.map((block) => (
        <p key={block.id} id={block.id} className="my-3 scroll-mt-20">
          {block.text}
        </p>
      ))}
    </blockquote>
  );
}

function BlockView({ block, crossReference }: { block: Block; crossReference?: CrossReference }) {
  if (block.kind === "caption") {
    return (
      <p
        id={block.id}
        className="my-6 rounded-md border border-dashed border-stone-300 px-4 py-2 font-sans text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400"
      >
        <span className="font-medium">Image in the original article: </span>
        {block.text}
      </p>
    );
  }
  return (
    <p id={block.id} className="my-4 scroll-mt-20">
      {crossReference ? <WithCrossReference text={block.text} reference={crossReference} /> : block.text}
    </p>
  );
}

function WithCrossReference({ text, reference }: { text: string; reference: CrossReference }) {
  const at = text.indexOf(reference.sentence);
  if (at < 0) return <>{text}</>;
  const pointer = reference.sentence.replace(/\.$/, "");
  return (
    <>
      {text.slice(0, at)}
      {pointer}:{" "}
      <Link href={reference.href} className="underline hover:no-underline" data-testid="cross-reference">
        {reference.label}
      </Link>
      .{text.slice(at + reference.sentence.length)}
    </>
  );
}
