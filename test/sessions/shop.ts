// A small shop for the session tests: one badge, machines that need it,
// a cleared and an uncleared student with their card tokens.
import { invalidateCatalog } from "../../src/clearance/service";
import type { Config } from "../../src/config";
import { currentCredentialToken } from "../../src/credentials/service";
import type { Db } from "../../src/db/client";
import { users } from "../../src/db/schema";
import { registerDevice } from "../../src/devices/service";
import {
  makeAward,
  makeBadge,
  makeMachine,
  makeStudent,
} from "../support/factories";

export function makeShop(t: { db: Db; config: Config }, capacity = 1) {
  const { db, config } = t;
  const safety = makeBadge(db, { slug: "shop-safety", name: "Shop Safety" });
  const lathe = makeMachine(db, {
    code: "LATHE-02",
    name: "Lathe 2",
    area: "Machine Shop",
    requirement: "shop-safety",
    capacity,
  });
  const mill = makeMachine(db, {
    code: "MILL-01",
    name: "Mill 1",
    area: "Machine Shop",
    requirement: "shop-safety",
  });
  const welder = makeMachine(db, {
    code: "MIG-01",
    name: "MIG welder",
    area: "Welding Bay",
  });
  const ada = makeStudent(db, { firstName: "Ada", lastName: "Lovelace" });
  makeAward(db, { studentId: ada.id, badgeId: safety.id });
  const bob = makeStudent(db, { firstName: "Bob", lastName: "Uncleared" });
  invalidateCatalog(db);

  return {
    safety,
    lathe,
    mill,
    welder,
    ada,
    bob,
    adaCard: currentCredentialToken(db, config, ada.id),
    bobCard: currentCredentialToken(db, config, bob.id),
  };
}

/** A cleared student with a card, for tests that need many. */
export function makeClearedStudent(
  t: { db: Db; config: Config },
  badgeId: number,
) {
  const student = makeStudent(t.db);
  makeAward(t.db, { studentId: student.id, badgeId });
  return {
    student,
    card: currentCredentialToken(t.db, t.config, student.id),
  };
}

export function makeDevice(
  db: Db,
  input: { kind?: "kiosk" | "interlock"; area?: string; machineCode?: string },
) {
  const device = registerDevice(
    db,
    { kind: "cli" },
    { name: "Device", ...input, kind: input.kind ?? "kiosk" },
  );
  return device;
}

let userSeq = 0;

/** A staff member as an actor (no password: these tests skip sign-in). */
export function makeStaff(
  db: Db,
  role: "staff" | "supervisor" | "admin" = "staff",
) {
  userSeq += 1;
  const row = db
    .insert(users)
    .values({
      email: `shop-${role}-${userSeq}@shop.test`,
      name: `Staff ${userSeq}`,
      role,
      passwordHash: "not-a-hash",
    })
    .returning({ id: users.id, name: users.name })
    .get();
  return { kind: "user" as const, role, ...row };
}
