// The device API's bodies and answers. The routes validate with these and
// the OpenAPI document is generated from the same schemas (openapi.ts).
import { z } from "zod";
import { REASON_CODES } from "../clearance/types";

export const ScanBodySchema = z
  .object({
    machine: z
      .string({ error: "Give the machine's code" })
      .trim()
      .min(1, { error: "Give the machine's code" })
      .max(64)
      .meta({ description: "The machine's code", examples: ["LATHE-02"] }),
    credential: z
      .string({ error: "Give what was scanned" })
      .trim()
      .min(1, { error: "Give what was scanned" })
      .max(512)
      .meta({
        description:
          "What was scanned: the card's URL or its bare token (or a " +
          "student number, when the shop allows it)",
        examples: ["https://shop.example.edu/s/3q2-uE7Z..."],
      }),
  })
  .meta({ description: "A scan at a machine" });
export type ScanBody = z.infer<typeof ScanBodySchema>;

export const SessionIdSchema = z.object({ id: z.string().min(1).max(64) });

export const ReasonSchema = z
  .object({
    code: z.enum([
      ...REASON_CODES,
      "unknown-credential",
      "replaced-credential",
      "occupied",
    ]),
    badge: z
      .string()
      .optional()
      .meta({ description: "The badge's slug, when the reason names one" }),
    message: z.string().meta({
      examples: ["Lathe Intermediate Skills expired on 2026-08-31"],
    }),
  })
  .meta({ description: "Why a student may not use the machine" });

const StudentRefSchema = z
  .object({
    number: z.string().meta({ examples: ["S1001"] }),
    name: z.string(),
  })
  .nullable()
  .meta({ description: "The student; null for an unknown or replaced card" });

const MachineRefSchema = z.object({
  code: z.string().meta({ examples: ["LATHE-02"] }),
  name: z.string(),
});

export const AccessCheckSchema = z
  .object({
    allowed: z.boolean(),
    student: StudentRefSchema,
    machine: MachineRefSchema,
    reasons: z.array(ReasonSchema),
  })
  .meta({ description: "Whether the student may use the machine now" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ["not-found"] }),
      message: z.string(),
    }),
  })
  .meta({ description: "What went wrong, with a stable code" });

export const DeniedSchema = AccessCheckSchema.extend({
  allowed: z.literal(false),
  error: ErrorSchema.shape.error,
}).meta({
  description:
    "Not signed in: the reasons, and error.code not-cleared or occupied",
});

export const InvalidSchema = z
  .object({
    error: z.object({
      code: z.literal("invalid"),
      issues: z.array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
        }),
      ),
    }),
  })
  .meta({ description: "The body is not JSON or not the expected shape" });

export const SessionSchema = z
  .object({
    id: z.string().meta({ description: "The session's id (a UUID)" }),
    machine: z.string().meta({ examples: ["LATHE-02"] }),
    student: z.string().meta({ examples: ["S1001"] }),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ description: "A student's use of a machine" });

export const SessionResponseSchema = z.object({ session: SessionSchema });

export const MachineStatusSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    area: z.string(),
    capacity: z.number().int(),
    status: z.enum(["available", "occupied", "out-of-service"]),
    openSessions: z.array(
      z.object({
        id: z.string(),
        student: z.string(),
        startedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ description: "A machine, its status and its open sessions" });

export const MachinesResponseSchema = z.object({
  machines: z.array(MachineStatusSchema),
});
