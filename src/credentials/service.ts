import { createHmac, randomBytes } from "node:crypto";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Actor } from "../lib/actor";
import { writeAudit } from "../lib/audit";
import { NotFoundError } from "../lib/errors";
import { sha256 } from "../lib/tokens";
import * as q from "./queries";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// A card's token is HMAC(secret, nonce): only its hash and the nonce are
// stored, so a copy of the database alone cannot forge or read a card, yet
// the card can be printed again at any time (README, "QR credential").
function deriveToken(secret: string, nonce: string): string {
  return createHmac("sha256", secret)
    .update(`student-credential:${nonce}`)
    .digest("base64url");
}

/** Gives a student a new credential; call inside the student's transaction. */
export function issueCredential(tx: Tx, config: Config, studentId: number) {
  const nonce = randomBytes(16).toString("base64url");
  const token = deriveToken(config.sessionSecret, nonce);
  q.insertCredential(tx, { studentId, nonce, tokenHash: sha256(token) });
  return token;
}

/** The token on the student's current card (issued on first need). */
export function currentCredentialToken(
  db: Db,
  config: Config,
  studentId: number,
): string {
  const row = q.findCurrentCredential(db, studentId);
  if (row) return deriveToken(config.sessionSecret, row.nonce);
  return db.transaction((tx) => {
    const token = issueCredential(tx, config, studentId);
    writeAudit(
      tx,
      { kind: "system" },
      {
        action: "credential.issue",
        entityType: "student",
        entityId: studentId,
      },
    );
    return token;
  });
}

/** The URL a student's QR code carries. */
export function credentialUrl(config: Config, token: string): string {
  return `${config.publicUrl}/s/${token}`;
}

/** Replaces a lost card: the old token fails at once. */
export function replaceCredential(
  db: Db,
  config: Config,
  actor: Actor,
  studentId: number,
): string {
  return db.transaction((tx) => {
    const old = q.findCurrentCredential(tx, studentId);
    if (old) q.markReplaced(tx, old.id, new Date());
    const token = issueCredential(tx, config, studentId);
    writeAudit(tx, actor, {
      action: "credential.replace",
      entityType: "student",
      entityId: studentId,
      before: old ? { credentialId: old.id } : null,
    });
    return token;
  });
}

export type ResolvedCredential =
  | { kind: "token"; studentId: number }
  | { kind: "student-number"; studentId: number }
  | { kind: "replaced"; studentId: number; hash: string }
  | { kind: "unknown"; hash: string };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads what a scanner or camera saw: the card URL, the bare token, or
 * (when the setting allows it) a bare student number.
 */
export function resolveCredential(
  db: Db,
  config: Config,
  scanned: string,
): ResolvedCredential {
  const text = scanned.trim();
  const token =
    /\/s\/([A-Za-z0-9_-]{43})\/?$/.exec(text)?.[1] ??
    (TOKEN.test(text) ? text : null);
  const hash = sha256(token ?? text);
  const shortHash = hash.slice(0, 12);

  if (token) {
    const row = q.findCredentialByHash(db, hash);
    if (row && !row.replacedAt) {
      return { kind: "token", studentId: row.studentId };
    }
    if (row)
      return { kind: "replaced", studentId: row.studentId, hash: shortHash };
  }
  if (config.allowStudentNumberScan && text.length > 0) {
    const studentId = q.findStudentIdByNumber(db, text);
    if (studentId) return { kind: "student-number", studentId };
  }
  return { kind: "unknown", hash: shortHash };
}

/** The student behind a card URL's token, or a 404 for unknown/replaced. */
export function requireStudentByToken(db: Db, token: string): number {
  if (!TOKEN.test(token)) throw new NotFoundError("There is no page here.");
  const row = q.findCredentialByHash(db, sha256(token));
  if (!row || row.replacedAt) throw new NotFoundError("There is no page here.");
  return row.studentId;
}
