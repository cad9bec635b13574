import { z } from "zod";
import { BADGE_LEVELS, BADGE_TYPES } from "../db/schema";
import { ValiditySchema } from "./validity";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const kebab = (what: string, example: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(60, `Keep the ${what} under 60 characters`)
    .regex(KEBAB, `Use lower-case words joined by dashes, like ${example}`);

const longText = z.string().trim().max(2000, "Keep it under 2000 characters");

const optionalUrl = z
  .string()
  .trim()
  .transform((s) => s || null)
  .pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "Enter a web address starting with http:// or https://",
      })
      .nullable(),
  );

const optionalMonths = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = /^\d{1,3}$/.test(s) ? Number(s) : 0; // not "1e1" or "0x5"
    if (n < 1 || n > 120) {
      ctx.addIssue({
        code: "custom",
        message:
          "Enter a whole number of months from 1 to 120, or leave it empty",
      });
      return z.NEVER;
    }
    return n;
  });

// Checkbox groups arrive as nothing, one string or a list of strings.
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
    if (!list.every((id) => /^[1-9]\d{0,9}$/.test(id))) {
      ctx.addIssue({ code: "custom", message: "Pick assessors from the list" });
      return z.NEVER;
    }
    return [...new Set(list.map(Number))];
  });

/** The fields a badge form edits (everything but the slug). */
export const BadgeFieldsSchema = z.object({
  name: z
    .string({ error: "Enter the badge name" })
    .trim()
    .min(1, "Enter the badge name")
    .max(100, "Keep the name under 100 characters"),
  track: kebab("track", "lathe or welding-mig"),
  type: z.enum(BADGE_TYPES, { error: "Choose a type" }),
  level: z.enum(BADGE_LEVELS, { error: "Choose a level" }),
  description: longText.default(""),
  criteria: longText.default(""),
  criteriaUrl: optionalUrl.default(null),
  validity: ValiditySchema,
  lapseUnusedMonths: optionalMonths.default(null),
  assessors: idList,
});
export type BadgeFields = z.infer<typeof BadgeFieldsSchema>;

export const NewBadgeSchema = BadgeFieldsSchema.extend({
  slug: kebab("slug", "lathe-intermediate-skills"),
});
export type NewBadge = z.infer<typeof NewBadgeSchema>;

export const SlugParamSchema = z.object({ slug: z.string() });

export const BadgeListQuerySchema = z.object({
  archived: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true"),
});
