import { describe, expect, test } from "vitest";
import { readCsv } from "../../src/imports/csv";

const spec = { required: ["slug", "name"], optional: ["note"] };

describe("readCsv", () => {
  test("rows are keyed by trimmed, lower-cased header names", () => {
    const text = " Name ,SLUG\nLathe,lathe\n";

    const { rows, errors } = readCsv(text, spec);

    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, values: { name: "Lathe", slug: "lathe" } },
    ]);
  });

  test("a UTF-8 byte order mark before the header is ignored", () => {
    const text = "\ufeffslug,name\nlathe,Lathe\n";

    const { rows, errors } = readCsv(text, spec);

    expect(errors).toEqual([]);
    expect(rows[0]!.values.slug).toBe("lathe");
  });

  test("quoted fields keep commas, doubled quotes and line breaks", () => {
    const text = 'slug,name,note\nlathe,"Lathe, manual","a ""big""\none"\n';

    const { rows } = readCsv(text, spec);

    expect(rows[0]!.values).toEqual({
      slug: "lathe",
      name: "Lathe, manual",
      note: 'a "big"\none',
    });
  });

  test("each row carries the physical line it starts on", () => {
    const text =
      'slug,name,note\na,A,"two\nlines"\n\nb,B,\r\n  \nc,C,"x\r\ny"\r\nd,D,';

    const { rows } = readCsv(text, spec);

    expect(rows.map((r) => [r.values.slug, r.line])).toEqual([
      ["a", 2],
      ["b", 5],
      ["c", 7],
      ["d", 9],
    ]);
  });

  test("a missing required column is reported on line 1", () => {
    const text = "slug,note\nlathe,x\n";

    const { errors } = readCsv(text, spec);

    expect(errors).toEqual([
      { line: 1, column: "name", message: "column is missing" },
    ]);
  });

  test("unknown and repeated columns are reported on line 1", () => {
    const text = "slug,name,colour,Name\nlathe,Lathe,red,L\n";

    const { errors } = readCsv(text, spec);

    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, "colour"],
      [1, "name"],
    ]);
    expect(errors[0]!.message).toMatch(/not a known column/);
    expect(errors[1]!.message).toBe("appears twice in the header");
  });

  test("a row with more fields than the header is an error", () => {
    const text = "slug,name\nlathe,Lathe,extra\n";

    const { errors } = readCsv(text, spec);

    expect(errors).toEqual([
      {
        line: 2,
        column: "row",
        message: "has 3 fields but the header has 2",
      },
    ]);
  });

  test("a quote that is never closed is reported with its line", () => {
    const text = 'slug,name\nlathe,Lathe\nmill,"Mill\n';

    const { rows, errors } = readCsv(text, spec);

    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 3, column: "file", message: "a quoted field is never closed" },
    ]);
  });

  test("an empty file asks for a header row", () => {
    const { errors } = readCsv("", spec);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: "header" });
  });
});
