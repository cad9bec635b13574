import {
  parseRequirement,
  printRequirement,
  validateRequirement,
} from "../clearance/requirement";
import { writeAudit } from "../lib/audit";
import type { ImportError } from "./csv";
import {
  findRepeats,
  updateChange,
  type Change,
  type Conn,
  type Parsed,
  type Plan,
} from "./plan";
import * as q from "./queries";
import type { MachineRow } from "./schemas";

const OUT_OF_SERVICE_REASON = "set out of service by a CSV import";

/**
 * Matches machine rows to machines by code and decides what each row
 * does. A requirement may name only badges already in the database.
 */
export function planMachines(db: Conn, rows: Parsed<MachineRow>[]): Plan {
  const errors: ImportError[] = findRepeats(rows, "code", (r) => r.code);
  const known = new Set(q.listBadges(db).map((b) => b.slug));
  const existing = new Map(q.listMachines(db).map((m) => [m.code, m]));

  const changes = rows.map(({ line, row }): Change => {
    const check = validateRequirement(row.requires, known);
    if (!check.ok) {
      errors.push({ line, column: "requires", message: check.message });
      return { action: "unchanged" };
    }
    const values = {
      code: row.code,
      name: row.name,
      area: row.area,
      requirement: printRequirement(check.requirement),
      inService:
        row.status === undefined ? undefined : row.status === "in-service",
      capacity: row.capacity,
    };
    const current = existing.get(row.code);
    if (!current) return createMachine(values);

    return updateMachine(current, values);
  });
  return { errors, changes };
}

type Values = {
  code: string;
  name: string;
  area: string;
  requirement: string;
  inService: boolean | undefined;
  capacity: number | undefined;
};

function createMachine(values: Values): Change {
  const inService = values.inService ?? true;
  const row: q.MachineValues = {
    ...values,
    inService,
    outOfServiceReason: inService ? null : OUT_OF_SERVICE_REASON,
    capacity: values.capacity ?? 1,
  };
  return {
    action: "create",
    write: (tx, { actor }) => {
      const id = q.insertMachine(tx, row);
      writeAudit(tx, actor, {
        action: "machine.create",
        entityType: "machine",
        entityId: id,
        after: row,
      });
    },
  };
}

function updateMachine(current: q.MachineRecord, values: Values): Change {
  const next: Partial<q.MachineRecord> = { ...values };
  // the same expression written differently is no change
  if (values.requirement === canonical(current.requirement)) {
    next.requirement = current.requirement;
  }
  if (
    values.inService !== undefined &&
    values.inService !== current.inService
  ) {
    next.outOfServiceReason = values.inService ? null : OUT_OF_SERVICE_REASON;
  }
  return updateChange("machine", current, next, q.updateMachine);
}

function canonical(text: string): string {
  try {
    return printRequirement(parseRequirement(text));
  } catch {
    return text;
  }
}
