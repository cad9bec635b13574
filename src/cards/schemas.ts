import { z } from "zod";
import { isDay } from "../lib/dates";

export const MAX_SHEET_NUMBERS = 400;

const SHEET_BY = ["since", "area", "numbers"] as const;
export const PAPERS = ["letter", "a4"] as const;
export type Paper = (typeof PAPERS)[number];

export type SheetFilter =
  | { by: "since"; since: string }
  | { by: "area"; area: string }
  | { by: "numbers"; numbers: string[] };

/** Student numbers pasted one a line, or separated by commas or spaces. */
export function splitNumbers(text: string): string[] {
  const parts = text.split(/[\s,;]+/).filter((s) => s.length > 0);
  return [...new Set(parts)];
}

/** The card sheet's filter form (a GET: it only reads). */
export const SheetQuerySchema = z
  .object({
    by: z.enum(SHEET_BY, { error: "Choose whose cards to print" }),
    since: z.string().trim().optional(),
    area: z.string().trim().optional(),
    numbers: z.string().max(20_000, "The list is too long").optional(),
    paper: z.enum(PAPERS, { error: "Choose Letter or A4" }).default("letter"),
  })
  .transform((v, ctx): { paper: Paper; filter: SheetFilter } => {
    const paper = v.paper;
    if (v.by === "since") {
      if (v.since && isDay(v.since)) {
        return { paper, filter: { by: "since", since: v.since } };
      }
      ctx.addIssue({
        code: "custom",
        path: ["since"],
        message: "Enter a date as YYYY-MM-DD",
      });
      return z.NEVER;
    }
    if (v.by === "area") {
      if (v.area) return { paper, filter: { by: "area", area: v.area } };
      ctx.addIssue({
        code: "custom",
        path: ["area"],
        message: "Choose an area",
      });
      return z.NEVER;
    }
    const numbers = splitNumbers(v.numbers ?? "");
    if (numbers.length === 0 || numbers.length > MAX_SHEET_NUMBERS) {
      ctx.addIssue({
        code: "custom",
        path: ["numbers"],
        message:
          numbers.length === 0
            ? "Paste at least one student number"
            : `Paste at most ${MAX_SHEET_NUMBERS} student numbers at a time`,
      });
      return z.NEVER;
    }
    return { paper, filter: { by: "numbers", numbers } };
  });

export const StudentNumberSchema = z.string().trim().min(1).max(40);
