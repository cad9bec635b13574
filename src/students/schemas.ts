import { z } from "zod";
import { STUDENT_STATUSES } from "../db/schema";

const name = (what: string) =>
  z
    .string({ error: `Enter the student's ${what}` })
    .trim()
    .min(1, `Enter the student's ${what}`)
    .max(100, `Keep the ${what} under 100 characters`);

export const StudentFormSchema = z.object({
  number: z
    .string({ error: "Enter the student number" })
    .trim()
    .min(1, "Enter the student number")
    .max(20, "Keep the student number under 20 characters")
    .regex(/^[A-Za-z0-9-]+$/, "Use only letters, digits and dashes")
    // "/students/new" is the add form, so no student may be numbered "new"
    .refine((n) => n.toLowerCase() !== "new", "This number is reserved"),
  firstName: name("first name"),
  lastName: name("last name"),
  email: z
    .string({ error: "Enter an email address, like name@school.edu" })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address, like name@school.edu")),
  status: z.enum(STUDENT_STATUSES, "Choose active or inactive"),
});
export type StudentForm = z.infer<typeof StudentFormSchema>;

export const STUDENT_FILTERS = ["all", ...STUDENT_STATUSES] as const;
export type StudentFilter = (typeof STUDENT_FILTERS)[number];

// A bad query string never fails the page: each value falls back.
export const StudentListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(STUDENT_FILTERS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type StudentListQuery = z.infer<typeof StudentListQuerySchema>;
