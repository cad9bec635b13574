import { z } from "zod";
import { isDay } from "../lib/dates";

const day = (message: string) =>
  z.string(message).trim().refine(isDay, message);

const id = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number);

// An optional field: absent or blank is null.
const optional = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .pipe(schema.nullable());

export const AwardFormSchema = z
  .object({
    badgeId: id("Choose a badge"),
    issuedOn: day("Write the issue date as YYYY-MM-DD"),
    expiresOn: optional(day("Write the expiry date as YYYY-MM-DD")),
    assessorId: id("Choose the assessor who signed the award off"),
    evidence: optional(
      z.string().max(2000, "Keep the evidence under 2,000 characters"),
    ),
  })
  .refine((a) => !a.expiresOn || a.expiresOn > a.issuedOn, {
    path: ["expiresOn"],
    error: "The expiry date must be after the issue date",
  });
export type AwardForm = z.infer<typeof AwardFormSchema>;

export const ExpiryQuerySchema = z.object({
  badgeId: z.coerce.number().int().positive().catch(0),
  issuedOn: z.string().refine(isDay).catch(""),
});

export const RevokeFormSchema = z.object({
  reason: z
    .string("Say why the award is revoked")
    .trim()
    .min(1, "Say why the award is revoked")
    .max(500, "Keep the reason under 500 characters"),
});

export const AwardIdSchema = z.coerce.number().int().positive();
