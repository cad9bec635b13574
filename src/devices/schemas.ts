import { z } from "zod";
import { DEVICE_KINDS } from "../db/schema";

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));

export const RegisterDeviceSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Give the device a name" })
    .max(100, { error: "At most 100 characters" }),
  kind: z.enum(DEVICE_KINDS, { error: "Choose kiosk or interlock" }),
  area: optionalText,
  machineCode: optionalText,
});
export type RegisterDevice = z.input<typeof RegisterDeviceSchema>;

export const PairSchema = z.object({
  secret: z.string().trim().min(1, { error: "Type the device secret" }),
});

export const DeviceIdSchema = z.object({
  id: z.coerce.number().int().positive(),
});
