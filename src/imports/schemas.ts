// One zod schema per CSV row kind. Cells arrive as strings; an optional
// column that is absent gives undefined ("keep what is there"), an empty
// cell gives null ("nothing") where that means something.
import { z } from "zod";
import { BADGE_LEVELS, BADGE_TYPES, STUDENT_STATUSES } from "../db/schema";
import { ValiditySchema } from "../badges/validity";
import { isDay } from "../lib/dates";
import type { ColumnSpec } from "./csv";

export const IMPORT_KINDS = [
  "badges",
  "machines",
  "students",
  "awards",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MACHINE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const STUDENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

const cell = () => z.string({ error: "is missing" }).trim();

const text = (max: number) =>
  cell().min(1, "is empty").max(max, `is longer than ${max} characters`);

const kebab = (example: string) =>
  text(60).regex(
    KEBAB,
    `use lower-case words joined by dashes, like ${example}`,
  );

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  cell()
    .toLowerCase()
    .pipe(z.enum(values, { error: `must be one of ${values.join(", ")}` }));

const day = () =>
  cell().refine(isDay, "must be a real date written YYYY-MM-DD");

// Absent column: undefined; empty cell: null; otherwise the trimmed text.
const blank = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : v.trim() || null));

const optionalText = (max: number) =>
  blank.pipe(z.string().max(max, `is longer than ${max} characters`).nullish());

const whole = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
};

const optionalWhole = (min: number, max: number) =>
  blank.pipe(whole(min, max).nullish());

// For a column whose empty cell means "keep / the default".
const emptyIsAbsent = <T extends z.ZodType<unknown, string>>(schema: T) =>
  blank.transform((v) => v ?? undefined).pipe(schema.optional());

export const BadgeRowSchema = z.object({
  slug: kebab("lathe-intermediate-skills"),
  name: text(100),
  track: kebab("lathe or welding-mig"),
  type: oneOf(BADGE_TYPES),
  level: oneOf(BADGE_LEVELS),
  validity: cell().pipe(ValiditySchema),
  lapse_unused_months: optionalWhole(1, 120),
  description: optionalText(2000),
  criteria: optionalText(2000),
  criteria_url: blank.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "must be a web address starting with http:// or https://",
      })
      .nullish(),
  ),
});

export const MachineRowSchema = z.object({
  code: text(30)
    .toUpperCase()
    .regex(MACHINE_CODE, "use letters, digits and dashes, like LATHE-02"),
  name: text(100),
  area: text(60),
  requires: cell().max(500, "is longer than 500 characters"),
  status: emptyIsAbsent(oneOf(["in-service", "out-of-service"])),
  capacity: emptyIsAbsent(whole(1, 100)),
});

export const StudentRowSchema = z.object({
  student_number: text(32).regex(
    STUDENT_NUMBER,
    "use letters, digits and dashes, like S1001",
  ),
  first_name: text(100),
  last_name: text(100),
  email: cell()
    .toLowerCase()
    .pipe(z.email({ error: "is not an email address" })),
  status: emptyIsAbsent(oneOf(STUDENT_STATUSES)),
});

export const AwardRowSchema = z
  .object({
    student_number: text(32),
    badge: text(60),
    issued_on: day(),
    expires_on: blank.pipe(
      z
        .string()
        .refine(isDay, "must be a real date written YYYY-MM-DD")
        .nullish(),
    ),
    assessor: optionalText(100),
    evidence: optionalText(2000),
  })
  .superRefine((row, ctx) => {
    if (row.expires_on && row.expires_on < row.issued_on) {
      ctx.addIssue({
        code: "custom",
        path: ["expires_on"],
        message: `is before issued_on (${row.issued_on})`,
      });
    }
  });

export type BadgeRow = z.infer<typeof BadgeRowSchema>;
export type MachineRow = z.infer<typeof MachineRowSchema>;
export type StudentRow = z.infer<typeof StudentRowSchema>;
export type AwardRow = z.infer<typeof AwardRowSchema>;

function columnsOf(
  schema: { shape: Record<string, unknown> },
  optional: string[],
): ColumnSpec {
  const names = Object.keys(schema.shape);
  return {
    required: names.filter((n) => !optional.includes(n)),
    optional,
  };
}

/** Which columns each kind of file must and may have. */
export const COLUMNS: Record<ImportKind, ColumnSpec> = {
  badges: columnsOf(BadgeRowSchema, [
    "lapse_unused_months",
    "description",
    "criteria",
    "criteria_url",
  ]),
  machines: columnsOf(MachineRowSchema, ["status", "capacity"]),
  students: columnsOf(StudentRowSchema, ["status"]),
  awards: columnsOf(AwardRowSchema, ["expires_on", "assessor", "evidence"]),
};
