import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvLine, csvStream } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("Ada Lovelace")).toBe("Ada Lovelace");
    expect(csvField(87.5)).toBe("87.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvField("Smith, Jo")).toBe('"Smith, Jo"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it.each(['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tcmd"])(
    "neutralises a formula start: %s",
    (value) => {
      const out = csvField(value);
      expect(out.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("neutralises and then quotes when both apply", () => {
    expect(csvField('=1,"2"')).toBe(`"'=1,""2"""`);
  });

  it("keeps accents and other scripts as UTF-8 text", () => {
    expect(csvField("Zoë Ивановa")).toBe("Zoë Ивановa");
  });
});

describe("csvLine and csvStream", () => {
  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("streams a BOM, the header and each row as it is pulled", async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 3; i++) {
        produced++;
        await Promise.resolve();
        yield [`n${i}`, i];
      }
    }
    const stream = csvStream(["name", "score"], rows());
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(first.value)).toBe(
      CSV_BOM + "name,score\r\n",
    );
    expect(produced).toBe(0); // nothing read from the source until asked
    const text = await new Response(
      new ReadableStream({
        async pull(c) {
          const r = await reader.read();
          if (r.done) c.close();
          else c.enqueue(r.value);
        },
      }),
    ).text();
    expect(text).toBe("n0,0\r\nn1,1\r\nn2,2\r\n");
  });
});
