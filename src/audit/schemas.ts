import { z } from "zod";
import { isDay } from "../lib/dates";

const text = (max: number) => z.string().trim().max(max).catch("");

// Never fails: a bad value falls back to "no filter" (or page 1).
export const AuditQuerySchema = z.object({
  action: text(60),
  entityType: text(40),
  entityId: text(60),
  actor: z
    .string()
    .trim()
    .regex(/^(cli|system|device|\d{1,9})$/)
    .catch(""),
  from: text(20),
  to: text(20),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

const day = z
  .string()
  .refine((v) => v === "" || isDay(v), "Write the date as YYYY-MM-DD");

/** The date range, checked separately so a bad date gets a message. */
export const AuditRangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    path: ["to"],
    error: "The end date must not be before the start date",
  });
