import { stringify } from "csv-stringify/sync";
import { today } from "../lib/dates";

export type CsvCell = string | number | null | undefined;
export type CsvRow = CsvCell[];

/** Hands out the next batch of rows, or null when there are no more. */
export type NextBatch = () => CsvRow[] | null;

// RFC 4180 (CRLF, quotes doubled); cells starting with = + - @ tab or CR
// get a leading ' so a spreadsheet never runs them as formulas.
const OPTIONS = {
  record_delimiter: "windows",
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

/**
 * A CSV download that is written batch by batch as the client reads it,
 * so memory stays flat however many rows there are.
 */
export function csvResponse(opts: {
  report: string;
  header: string[];
  nextBatch: NextBatch;
}): Response {
  const encoder = new TextEncoder();
  let first = true;

  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const rows = opts.nextBatch();
        if (rows === null && !first) {
          controller.close();
          return;
        }
        const batch = first ? [opts.header, ...(rows ?? [])] : rows!;
        const text = stringify(batch, { ...OPTIONS, bom: first });
        first = false;
        controller.enqueue(encoder.encode(text));
        if (rows === null) controller.close();
      },
    },
    { highWaterMark: 1 },
  );

  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(opts.report)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** "usage-2026-12-03.csv": the report's name and the day it was made. */
export function csvFileName(report: string): string {
  return `${report}-${today()}.csv`;
}

/** Batches over rows already in memory (the small reports). */
export function batchesOf(rows: CsvRow[], size = 1000): NextBatch {
  let offset = 0;
  return () => {
    if (offset >= rows.length) return null;
    const batch = rows.slice(offset, offset + size);
    offset += size;
    return batch;
  };
}
