import { z } from "zod";
import type { ValidityKind } from "../db/schema";

export type Validity = {
  validityKind: ValidityKind;
  validityMonths: number | null;
  validityAnnual: string | null; // "MM-DD"
};

const ANNUAL = /^annual\s+(\d{2})-(\d{2})$/i;
const MONTHS = /^(\d{1,3})\s+months?$/i;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "never", "N months" or "annual MM-DD" (the first such day after issue),
 * as used in badge forms and CSV imports.
 */
export const ValiditySchema = z
  .string({ error: 'Write "never", "24 months" or "annual 08-31"' })
  .trim()
  .transform((text, ctx): Validity => {
    if (/^never$/i.test(text)) {
      return {
        validityKind: "never",
        validityMonths: null,
        validityAnnual: null,
      };
    }
    const months = MONTHS.exec(text);
    if (months && Number(months[1]) >= 1 && Number(months[1]) <= 120) {
      const n = Number(months[1]);
      return {
        validityKind: "months",
        validityMonths: n,
        validityAnnual: null,
      };
    }
    const annual = ANNUAL.exec(text);
    if (annual) {
      const [m, d] = [Number(annual[1]), Number(annual[2])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]!) {
        const day = `${annual[1]}-${annual[2]}`;
        return {
          validityKind: "annual",
          validityMonths: null,
          validityAnnual: day,
        };
      }
    }
    ctx.addIssue({
      code: "custom",
      message:
        'Write "never", a number of months like "24 months" (1 to 120), ' +
        'or a yearly date like "annual 08-31"',
    });
    return z.NEVER;
  });

/** The validity rule as it is typed: "never", "24 months", "annual 08-31". */
export function formatValidity(v: Validity): string {
  if (v.validityKind === "months") return `${v.validityMonths} months`;
  if (v.validityKind === "annual") return `annual ${v.validityAnnual}`;
  return "never";
}

/** The validity rule in words for people. */
export function describeValidity(
  v: Validity & { lapseUnusedMonths?: number | null },
): string {
  const base =
    v.validityKind === "months"
      ? `Valid for ${v.validityMonths} months after it is awarded`
      : v.validityKind === "annual"
        ? `Valid until the next ${monthDay(v.validityAnnual!)} after it is awarded`
        : "Does not expire";
  return v.lapseUnusedMonths
    ? `${base}; lapses after ${v.lapseUnusedMonths} months without use`
    : base;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthDay(mmdd: string): string {
  const [m, d] = mmdd.split("-").map(Number);
  return `${MONTH_NAMES[m! - 1]} ${d}`;
}
