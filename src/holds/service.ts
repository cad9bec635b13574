import type { Db } from "../db/client";
import { actorUserId, requireRole, type Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { ConflictError, InvalidError, NotFoundError } from "../lib/errors";
import { findStudentById } from "../students/queries";
import * as q from "./queries";
import type { HoldForm } from "./schemas";

/** What a hold may cover: every machine, and the tracks badges name. */
export function holdFormOptions(db: Db) {
  return { machines: q.listMachineOptions(db), tracks: q.listTracks(db) };
}

/** Blocks a student from every machine, one machine or one track. */
export function placeHold(
  db: Db,
  actor: Actor,
  input: HoldForm & { studentId: number },
): { id: number } {
  requireRole(actor, "supervisor", "Only a supervisor may place a hold");
  if (!findStudentById(db, input.studentId)) {
    throw new NotFoundError("There is no such student.");
  }
  if (input.machineId !== null && !q.findMachine(db, input.machineId)) {
    const message = "Choose one of the shop's machines";
    throw new InvalidError(message, { machineId: message });
  }
  if (input.track !== null && !q.listTracks(db).includes(input.track)) {
    const message = "Choose a track that a badge belongs to";
    throw new InvalidError(message, { track: message });
  }

  const values = {
    studentId: input.studentId,
    scope: input.scope,
    machineId: input.machineId,
    track: input.track,
    reason: input.reason,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    placedBy: actorUserId(actor),
  };
  return db.transaction((tx) => {
    const { id } = q.insertHold(tx, values);
    writeAudit(tx, actor, {
      action: "hold.place",
      entityType: "hold",
      entityId: id,
      after: values,
    });
    return { id };
  });
}

/** The hold with this id and its student's number, or a 404. */
export function getHold(db: Db, holdId: number) {
  const hold = q.findHold(db, holdId);
  if (!hold) throw new NotFoundError("There is no such hold.");
  return hold;
}

/** Lifts a hold; the hold stays in the record, marked with who and when. */
export function liftHold(
  db: Db,
  actor: Actor,
  holdId: number,
  note: string | null,
): { studentNumber: string } {
  requireRole(actor, "supervisor", "Only a supervisor may lift a hold");

  return db.transaction((tx) => {
    const hold = q.findHold(tx, holdId);
    if (!hold) throw new NotFoundError("There is no such hold.");
    if (hold.liftedAt) {
      throw new ConflictError("This hold has already been lifted.");
    }
    const change = {
      liftedAt: new Date(),
      liftedBy: actorUserId(actor),
      liftReason: note,
    };
    q.markLifted(tx, holdId, change);
    writeAudit(tx, actor, {
      action: "hold.lift",
      entityType: "hold",
      entityId: holdId,
      before: { liftedAt: null },
      after: change,
    });
    return { studentNumber: hold.studentNumber };
  });
}
