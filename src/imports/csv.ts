import { CsvError, parse } from "csv-parse/sync";

/** One data row of a CSV file, keyed by its lower-cased header names. */
export type CsvRow = { line: number; values: Record<string, string> };

/** Something wrong in a file, printed as `line N: column: message`. */
export type ImportError = { line: number; column: string; message: string };

export type ColumnSpec = { required: string[]; optional: string[] };

type Parsed = { rows: CsvRow[]; errors: ImportError[] };

type Record_ = {
  record: Record<string, string | undefined>;
  raw: string;
  info: {
    lines: number;
    error?: { code: string; record: string[] };
  };
};

/**
 * Reads a CSV text with a header row: UTF-8 with or without a BOM, any
 * column order, quoted fields. Each row keeps the physical line it starts on.
 */
export function readCsv(text: string, columns: ColumnSpec): Parsed {
  // csv-parse counts lines unreliably with \r\n inside quoted fields
  const normalized = text.replace(/\r\n?/g, "\n");

  let header: string[] = [];
  let records: Record_[];
  try {
    records = parse(normalized, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        return header;
      },
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record_[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as { lines?: number }).lines ?? 1);
      return { rows: [], errors: [csvError(error, line)] };
    }
    throw error;
  }

  if (header.length === 0) {
    const message = `the file is empty; the first line must name the columns`;
    return { rows: [], errors: [{ line: 1, column: "header", message }] };
  }
  const headerErrors = checkHeader(header, columns);
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const rows: CsvRow[] = [];
  const errors: ImportError[] = [];
  for (const r of records) {
    const line = startLine(r);
    const values = Object.fromEntries(
      Object.entries(r.record).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    if (Object.values(values).every((v) => v.trim() === "")) continue;

    const fields = r.info.error?.record.length;
    if (fields !== undefined && fields > header.length) {
      errors.push({
        line,
        column: "row",
        message: `has ${fields} fields but the header has ${header.length}`,
      });
      continue;
    }
    rows.push({ line, values });
  }
  return { rows, errors };
}

// A record's raw text may start with skipped empty lines and end with its
// line break; the lines between are inside quoted fields.
function startLine(r: Record_): number {
  const body = r.raw.replace(/^\n+/, "").replace(/\n$/, "");
  const inner = body.split("\n").length - 1;
  return r.info.lines - inner;
}

function checkHeader(header: string[], spec: ColumnSpec): ImportError[] {
  const errors: ImportError[] = [];
  const known = new Set([...spec.required, ...spec.optional]);
  const seen = new Set<string>();

  header.forEach((name, i) => {
    const column = name || `column ${i + 1}`;
    if (!name) {
      errors.push({ line: 1, column, message: "has no name" });
    } else if (seen.has(name)) {
      errors.push({ line: 1, column, message: "appears twice in the header" });
    } else if (!known.has(name)) {
      const expected = [...known].join(", ");
      errors.push({
        line: 1,
        column,
        message: `is not a known column (expected ${expected})`,
      });
    }
    seen.add(name);
  });
  for (const name of spec.required) {
    if (!seen.has(name)) {
      errors.push({ line: 1, column: name, message: "column is missing" });
    }
  }
  return errors;
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE:
    'a quote inside a quoted field must be doubled ("")',
  INVALID_OPENING_QUOTE:
    "a quote appears inside an unquoted field; quote the whole field",
};

function csvError(error: CsvError, line: number): ImportError {
  const message = CSV_MESSAGES[error.code] ?? error.message;
  return { line, column: "file", message };
}
