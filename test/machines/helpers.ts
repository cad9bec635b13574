// Small helpers the machine route tests share.
import { eq } from "drizzle-orm";
import { auditLog, machines } from "../../src/db/schema";
import type { TestApp } from "../support/app";
import { makeBadge } from "../support/factories";

type T = Pick<TestApp, "db">;

export function machineRow(t: T, code: string) {
  return t.db.select().from(machines).where(eq(machines.code, code)).get();
}

export function auditRows(t: T, action: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();
}

// The shop's lathe badges, as the requirement examples name them.
export function makeLatheBadges(t: T) {
  makeBadge(t.db, { slug: "shop-safety", name: "Shop Safety" });
  makeBadge(t.db, {
    slug: "lathe-intermediate-skills",
    name: "Lathe Intermediate Skills",
    track: "lathe",
  });
  makeBadge(t.db, {
    slug: "lathe-advanced-skills",
    name: "Lathe Advanced Skills",
    track: "lathe",
  });
}

export const lathe = {
  code: "lathe-02",
  name: "Colchester lathe",
  area: "Machine Shop",
  capacity: "1",
  requirement:
    "shop-safety & (lathe-intermediate-skills | lathe-advanced-skills)",
};
