/**
 * CSV export (RFC 4180): CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled; UTF-8 with a byte-order mark so spreadsheet programs read accents right. A text
 * field that starts with = + - @ (or a tab or carriage return) would run as a formula when
 * opened in a spreadsheet, so it gets a leading apostrophe (OWASP's advice).
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

export const CSV_BOM = "\uFEFF";

/**
 * A CSV document as a byte stream, pulled line by line from `lines` (so a large class is never
 * held in memory whole: the source can page through the database as the client reads).
 */
export function csvStream(
  header: readonly CsvValue[],
  rows: AsyncIterable<readonly CsvValue[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
