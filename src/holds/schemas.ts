import { z } from "zod";
import { HOLD_SCOPES } from "../db/schema";
import { isDay } from "../lib/dates";

const blankToNull = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null);

export const HoldFormSchema = z
  .object({
    scope: z.enum(HOLD_SCOPES, "Choose what the hold covers"),
    machineId: blankToNull,
    track: blankToNull,
    reason: z
      .string("Say why the student is on hold")
      .trim()
      .min(1, "Say why the student is on hold")
      .max(500, "Keep the reason under 500 characters"),
    startsOn: z
      .string("Write the start date as YYYY-MM-DD")
      .trim()
      .refine(isDay, "Write the start date as YYYY-MM-DD"),
    endsOn: blankToNull.refine(
      (v) => v === null || isDay(v),
      "Write the end date as YYYY-MM-DD",
    ),
  })
  .superRefine((h, ctx) => {
    if (h.scope === "machine" && !/^\d{1,9}$/.test(h.machineId ?? "")) {
      ctx.addIssue({
        code: "custom",
        path: ["machineId"],
        message: "Choose the machine the hold covers",
      });
    }
    if (h.scope === "track" && !h.track) {
      ctx.addIssue({
        code: "custom",
        path: ["track"],
        message: "Choose the track the hold covers",
      });
    }
    if (h.endsOn && h.endsOn < h.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The end date must not be before the start date",
      });
    }
  })
  .transform((h) => ({
    ...h,
    // only the field that matches the scope is kept
    machineId: h.scope === "machine" ? Number(h.machineId) : null,
    track: h.scope === "track" ? h.track : null,
  }));
export type HoldForm = z.infer<typeof HoldFormSchema>;

export const LiftFormSchema = z.object({
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters")
    .optional()
    .transform((v) => v || null),
});

export const HoldIdSchema = z.coerce.number().int().positive();
