import { z } from "zod";
import { addDays, isDay, today, type Day } from "../lib/dates";
import { fieldErrors } from "../lib/forms";
import type { FieldErrors } from "../lib/errors";

// Report filters come from the query string. An empty field means "use
// the default", so a bookmarked URL with blank fields still runs.
const blank = (v: unknown) => (v === "" ? undefined : v);

const DaySchema = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .refine(isDay, { error: "Enter a date as YYYY-MM-DD" })
    .optional(),
);

const CodeSchema = z.preprocess(
  blank,
  z.string().trim().max(40, "Too long").optional(),
);

const AreaSchema = z.preprocess(
  blank,
  z.string().trim().max(80, "Too long").optional(),
);

const FormatSchema = z.preprocess(
  blank,
  z.enum(["html", "csv"]).default("html"),
);

function wholeNumber(min: number, max: number, fallback: number) {
  const message = `Enter a whole number from ${min} to ${max}`;
  return z.preprocess(
    blank,
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message })
      .default(fallback),
  );
}

const rangeFields = { from: DaySchema, to: DaySchema };

/** Fills a missing range: the 30 days up to `to`, which defaults to today. */
function withDefaultRange<T extends { from?: Day; to?: Day }>(f: T) {
  const to = f.to ?? today();
  return { ...f, from: f.from ?? addDays(to, -29), to };
}

const endAfterStart = {
  error: "The end date must be on or after the start date",
  path: ["to"],
};

export const RosterFiltersSchema = z
  .object({ machine: CodeSchema, area: AreaSchema, format: FormatSchema })
  .refine((f) => !(f.machine && f.area), {
    error: "Choose a machine or an area, not both",
    path: ["area"],
  });
export type RosterFilters = z.infer<typeof RosterFiltersSchema>;

export const ExpiringFiltersSchema = z.object({
  days: wholeNumber(1, 365, 30),
  format: FormatSchema,
});
export type ExpiringFilters = z.infer<typeof ExpiringFiltersSchema>;

export const UsageFiltersSchema = z
  .object({
    ...rangeFields,
    machine: CodeSchema,
    area: AreaSchema,
    format: FormatSchema,
  })
  .transform(withDefaultRange)
  .refine((f) => f.from <= f.to, endAfterStart);
export type UsageFilters = z.infer<typeof UsageFiltersSchema>;

export const DenialFiltersSchema = z
  .object({ ...rangeFields, format: FormatSchema })
  .transform(withDefaultRange)
  .refine((f) => f.from <= f.to, endAfterStart);
export type DenialFilters = z.infer<typeof DenialFiltersSchema>;

export const BadgeSummaryFiltersSchema = z.object({
  months: wholeNumber(1, 36, 12),
  format: FormatSchema,
});
export type BadgeSummaryFilters = z.infer<typeof BadgeSummaryFiltersSchema>;

export const StudentLookupSchema = z.object({
  number: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(40, "A student number is at most 40 characters")
      .optional(),
  ),
  format: FormatSchema,
});

export type Parsed<T> =
  | { ok: true; filters: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Parses a report's query string, keeping the entered values either way. */
export function parseFilters<T>(
  schema: z.ZodType<T>,
  query: Record<string, string>,
): Parsed<T> {
  const values = { ...query };
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error), values };
  }
  return { ok: true, filters: parsed.data, values };
}

export type { Day };
