import { z } from "zod";

// Empty form fields ("") mean "not given".
const blank = (v: unknown) => (v === "" ? undefined : v);
const machineCode = z.string().trim().min(1).max(64);
const area = z.string().trim().min(1).max(100);

// A bad area in a query string is ignored: the kiosk asks for one again.
export const KioskQuerySchema = z.object({
  area: z.preprocess(blank, area.optional()).catch(undefined),
});

export const ScanFormSchema = z.object({
  scanned: z
    .string({ error: "Scan a card or a machine tag" })
    .trim()
    .min(1, "Scan a card or a machine tag")
    .max(500, "That is too long for a card"),
  machine: z.preprocess(blank, machineCode.optional()),
  // the student whose clearances are on screen, when a tag comes next
  student: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  area: z.preprocess(blank, area.optional()),
});
export type ScanForm = z.infer<typeof ScanFormSchema>;

export const SignInFormSchema = z.object({
  machine: machineCode,
  student: z.coerce.number().int().positive(),
});

export const OverrideFormSchema = z.object({
  machine: machineCode,
  student: z.coerce.number().int().positive(),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the student may sign in anyway")
    .max(500, "Keep the reason under 500 characters"),
});

export const MachineCodeParamSchema = z.object({ code: machineCode });

export const SessionParamSchema = z.object({
  id: z.string().uuid(),
});
