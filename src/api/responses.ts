// Service results in the device API's JSON shapes (see schemas.ts).
import type { z } from "zod";
import type { Occupancy, ScanOutcome, SessionView } from "../sessions/service";
import type {
  AccessCheckSchema,
  MachinesResponseSchema,
  SessionSchema,
} from "./schemas";

type AccessCheck = z.infer<typeof AccessCheckSchema>;
type Session = z.infer<typeof SessionSchema>;

export function accessCheckJson(
  out: ScanOutcome,
  allowed: boolean,
): AccessCheck {
  const { student, machine } = out;
  return {
    allowed,
    student: student
      ? {
          number: student.number,
          name: `${student.firstName} ${student.lastName}`,
        }
      : null,
    machine: { code: machine.code, name: machine.name },
    reasons: out.reasons.map((r) =>
      r.badge
        ? { code: r.code, badge: r.badge, message: r.message }
        : { code: r.code, message: r.message },
    ),
  };
}

export function deniedJson(out: ScanOutcome) {
  const occupied = out.reasons.some((r) => r.code === "occupied");
  const error = occupied
    ? { code: "occupied", message: out.reasons[0]!.message }
    : { code: "not-cleared", message: "Not cleared for this machine" };
  return { ...accessCheckJson(out, false), allowed: false, error };
}

export function startedSessionJson(out: ScanOutcome): { session: Session } {
  const session = out.session!;
  return {
    session: {
      id: session.id,
      machine: out.machine.code,
      student: out.student!.number,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
    },
  };
}

export function sessionJson(s: SessionView): { session: Session } {
  return {
    session: {
      id: s.id,
      machine: s.machineCode,
      student: s.studentNumber,
      startedAt: s.startedAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
    },
  };
}

export function machinesJson(
  board: Occupancy[],
): z.infer<typeof MachinesResponseSchema> {
  return {
    machines: board.map(({ machine, sessions }) => ({
      code: machine.code,
      name: machine.name,
      area: machine.area,
      capacity: machine.capacity,
      status: !machine.inService
        ? "out-of-service"
        : sessions.length >= machine.capacity
          ? "occupied"
          : "available",
      openSessions: sessions.map((s) => ({
        id: s.id,
        student: s.student.number,
        startedAt: s.startedAt.toISOString(),
      })),
    })),
  };
}
