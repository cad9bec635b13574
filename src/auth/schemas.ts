import { z } from "zod";

// Only local paths, so a crafted link cannot send staff elsewhere.
const localPath = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .catch("/");

export const LoginSchema = z.object({
  email: z.email("Enter your email address, like name@school.edu"),
  password: z.string().min(1, "Enter your password"),
  next: localPath.default("/"),
});

export const NextQuerySchema = z.object({ next: localPath.default("/") });
