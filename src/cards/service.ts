import QRCode from "qrcode";
import { requirementSlugs } from "../clearance/requirement";
import { supersedes } from "../clearance/rules";
import { loadCatalog } from "../clearance/service";
import type { Config } from "../config";
import {
  credentialUrl,
  currentCredentialToken,
  replaceCredential,
  requireStudentByToken,
} from "../credentials/service";
import type { Db } from "../db/client";
import { hasRole, type Actor } from "../lib/actor";
import { today, type Day } from "../lib/dates";
import { ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import * as q from "./queries";
import type { SheetFilter } from "./schemas";

export type CardData = {
  name: string;
  number: string;
  url: string;
  qrSvg: string; // inline SVG markup from the qrcode package
  printedOn: Day;
};

// 8 cards fit a Letter or an A4 page with room for cut marks.
export const MAX_SHEET_CARDS = 400;

/** Error correction Q and a 4-module quiet zone survive a worn card. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "Q",
    margin: 4,
  });
}

async function buildCard(
  db: Db,
  config: Config,
  student: q.CardStudentRow,
  at: Day,
): Promise<CardData> {
  const token = currentCredentialToken(db, config, student.id);
  const url = credentialUrl(config, token);
  return {
    name: `${student.firstName} ${student.lastName}`,
    number: student.number,
    url,
    qrSvg: await qrSvg(url),
    printedOn: at,
  };
}

/** The student with this number, or a 404. */
export function requireCardStudent(db: Db, number: string) {
  const student = q.findStudentByNumber(db, number);
  if (!student)
    throw new NotFoundError("There is no student with that number.");
  return student;
}

/** A student's card, for staff who know the student number. */
export function getCardByNumber(
  db: Db,
  config: Config,
  number: string,
): Promise<CardData> {
  const student = requireCardStudent(db, number);
  return buildCard(db, config, student, today());
}

/** The card behind a card URL (the student's own copy). */
export function getCardByToken(
  db: Db,
  config: Config,
  token: string,
): Promise<CardData> {
  const studentId = requireStudentByToken(db, token);
  const student = q.findStudentById(db, studentId);
  if (!student) throw new NotFoundError("There is no page here.");
  return buildCard(db, config, student, today());
}

/** Replaces a lost card: the old QR code stops working at once. */
export function replaceStudentCard(
  db: Db,
  config: Config,
  actor: Actor,
  number: string,
): void {
  if (!hasRole(actor, "supervisor")) {
    throw new ForbiddenError("Replacing a card needs the supervisor role");
  }
  const student = requireCardStudent(db, number);
  replaceCredential(db, config, actor, student.id);
}

export type CardSheet = { cards: CardData[]; unknownNumbers: string[] };

/** The cards of every student the filter picks, ready to print. */
export async function buildCardSheet(
  db: Db,
  config: Config,
  filter: SheetFilter,
  at: Day = today(),
): Promise<CardSheet> {
  const { students, unknownNumbers } = sheetStudents(db, filter, at);
  if (students.length > MAX_SHEET_CARDS) {
    throw new InvalidError(
      `That is ${students.length} cards; print at most ${MAX_SHEET_CARDS} at a time`,
      {
        _form: `Narrow the filter: at most ${MAX_SHEET_CARDS} cards at a time`,
      },
    );
  }
  const cards: CardData[] = [];
  for (const student of students) {
    cards.push(await buildCard(db, config, student, at));
  }
  return { cards, unknownNumbers };
}

function sheetStudents(db: Db, filter: SheetFilter, at: Day) {
  if (filter.by === "since") {
    return {
      students: q.listStudentsAwardedSince(db, filter.since),
      unknownNumbers: [],
    };
  }
  if (filter.by === "area") {
    const badgeIds = areaBadgeIds(db, filter.area);
    return {
      students: q.listStudentsHoldingBadges(db, badgeIds, at),
      unknownNumbers: [],
    };
  }
  const students = q.listStudentsByNumbers(db, filter.numbers);
  const found = new Set(students.map((s) => s.number));
  return {
    students,
    unknownNumbers: filter.numbers.filter((n) => !found.has(n)),
  };
}

/**
 * An area's students are those holding a badge that a machine of the area
 * asks for, or a badge that supersedes one (sessions are not counted: a
 * newly certified student needs a card before their first session).
 */
function areaBadgeIds(db: Db, area: string): number[] {
  const catalog = loadCatalog(db);
  const machines = catalog.machines.filter((m) => m.area === area);
  if (machines.length === 0) {
    throw new InvalidError("Choose an area", { area: "Choose an area" });
  }
  const required = machines
    .flatMap((m) => requirementSlugs(m.requirement))
    .map((slug) => catalog.badgesBySlug.get(slug))
    .filter((b) => b !== undefined);
  return [...catalog.badgesBySlug.values()]
    .filter((held) => required.some((r) => supersedes(held, r)))
    .map((b) => b.id);
}

export function listSheetAreas(db: Db): string[] {
  return q.listAreas(db);
}
