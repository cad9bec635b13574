// Runs before `npm test`: the browser tests need Debian's Chromium, ffmpeg
// (fake camera feed) and poppler-utils (PDF checks). Installs them when
// missing and we are root with apt-get; otherwise says what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const TOOLS = [
  { bin: "/usr/bin/chromium", pkg: "chromium" },
  { bin: "/usr/bin/ffmpeg", pkg: "ffmpeg" },
  { bin: "/usr/bin/pdftoppm", pkg: "poppler-utils" },
  { bin: "/usr/bin/pdftotext", pkg: "poppler-utils" },
];

const missing = [
  ...new Set(TOOLS.filter((t) => !existsSync(t.bin)).map((t) => t.pkg)),
];
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `The browser tests need these Debian packages: ${missing.join(" ")}\n` +
      `Install them with: sudo apt-get install -y ${missing.join(" ")}`,
  );
  process.exit(1);
}

console.log(`Installing ${missing.join(" ")} for the browser tests...`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update"], { stdio: "inherit", env });
execFileSync(
  "apt-get",
  ["install", "-y", "--no-install-recommends", ...missing],
  {
    stdio: "inherit",
    env,
  },
);
