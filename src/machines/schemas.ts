import { z } from "zod";

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const capacity = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return 1;
    const n = /^\d{1,2}$/.test(s) ? Number(s) : 0; // not "1e1" or "0x5"
    if (n < 1) {
      ctx.addIssue({
        code: "custom",
        message: "Enter how many students can use it at once, from 1 to 99",
      });
      return z.NEVER;
    }
    return n;
  })
  .default(1);

// Checked against the badges by the service: the schema only bounds it.
// Not trimmed, so error positions count from what was typed.
const requirementText = z
  .string()
  .max(500, "Keep the requirement under 500 characters")
  .default("");

/** The fields a machine form edits (everything but the code). */
export const MachineFieldsSchema = z.object({
  name: z
    .string({ error: "Enter the machine's name" })
    .trim()
    .min(1, "Enter the machine's name")
    .max(100, "Keep the name under 100 characters"),
  area: z
    .string({ error: "Enter the area, like Machine Shop" })
    .trim()
    .min(1, "Enter the area, like Machine Shop")
    .max(60, "Keep the area under 60 characters"),
  capacity,
  requirement: requirementText,
});
export type MachineFields = z.infer<typeof MachineFieldsSchema>;

export const NewMachineSchema = MachineFieldsSchema.extend({
  code: z
    .string({ error: "Enter the machine code, like LATHE-02" })
    .trim()
    .toUpperCase()
    .min(1, "Enter the machine code, like LATHE-02")
    .max(30, "Keep the code under 30 characters")
    .regex(CODE, "Use letters, digits and dashes, like LATHE-02"),
});
export type NewMachine = z.infer<typeof NewMachineSchema>;

export const RequirementCheckSchema = z.object({
  requirement: requirementText.catch(""),
});

export const ServiceSchema = z
  .object({
    status: z.enum(["in-service", "out-of-service"], {
      error: "Choose in service or out of service",
    }),
    reason: z
      .string()
      .trim()
      .max(200, "Keep the reason under 200 characters")
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.status === "out-of-service" && v.reason === "") {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: 'Say why it is out of service, like "Chuck guard broken"',
      });
    }
  });
export type ServiceChange = z.infer<typeof ServiceSchema>;

export const AreaClosingSchema = z.object({
  area: z
    .string({ error: "Choose an area" })
    .trim()
    .min(1, "Choose an area")
    .max(60),
  closingTime: z
    .string({ error: "Enter a time like 21:00" })
    .trim()
    .regex(/^(?:([01]\d|2[0-3]):[0-5]\d)?$/, "Enter a time like 21:00")
    .transform((s) => s || null),
});
export type AreaClosing = z.infer<typeof AreaClosingSchema>;

export const CodeParamSchema = z.object({ code: z.string() });
