import { z } from "zod";
import { ROLES } from "../db/schema";

const role = z.enum(ROLES, { error: "Choose staff, supervisor or admin" });

export const NewUserSchema = z.object({
  email: z
    .string({ error: "Enter an email address, like name@school.edu" })
    .trim()
    .max(200, "Keep the email under 200 characters")
    .pipe(z.email("Enter an email address, like name@school.edu")),
  name: z
    .string({ error: "Enter the person's name" })
    .trim()
    .min(1, "Enter the person's name")
    .max(100, "Keep the name under 100 characters"),
  role,
  password: z
    .string({ error: "Use at least 10 characters" })
    .min(10, "Use at least 10 characters")
    .max(200, "Keep the password under 200 characters"),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export const RoleSchema = z.object({ role });

// Anything but a plain id reads as 0, which no user has: a 404, not a 500.
export const UserIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .catch(0),
});
