// Machine tags: a QR code on each machine of PUBLIC_URL/m/CODE. Scanned at
// a kiosk it chooses the machine; opened on a phone it names the machine.
import QRCode from "qrcode";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { requireMachineByCode } from "../sessions/service";

const TAG = /^(?:https?:\/\/[^/\s]+)?\/m\/([^/?#\s]+)\/?$/i;

/** The machine code in a scanned machine tag URL, or null. */
export function machineTagCode(scanned: string): string | null {
  const code = TAG.exec(scanned.trim())?.[1];
  if (!code) return null;
  try {
    return decodeURIComponent(code);
  } catch {
    return null;
  }
}

/** A machine tag: the URL a phone or kiosk reads and its QR code (SVG). */
export async function machineTag(db: Db, config: Config, code: string) {
  const machine = requireMachineByCode(db, code);
  const url = machineTagUrl(config, machine.code);
  const qrSvg = await QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 4,
  });
  return { machine, url, qrSvg };
}

export function machineTagUrl(config: Config, code: string): string {
  return `${config.publicUrl}/m/${encodeURIComponent(code)}`;
}

/** The machine a tag names, for the page a phone opens from it. */
export function findTaggedMachine(db: Db, code: string) {
  return requireMachineByCode(db, code);
}
