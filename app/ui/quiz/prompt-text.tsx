/**
 * A question's prompt with its blank ("_____") drawn as a line that screen readers announce as
 * "blank" instead of reading out underscores.
 */
export function PromptText({ text }: { text: string }) {
  const parts = text.split(/_{3,}/);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              <span aria-hidden className="inline-block min-w-16 border-b-2 border-current align-baseline">
                &nbsp;
              </span>
              <span className="sr-only">blank</span>
            </>
          )}
        </span>
      ))}
    </>
  );
}
