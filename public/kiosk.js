// The kiosk: a scanner types into #scan-input, or the camera reads a QR;
// each scan is posted with fetch and the answer fills the screen, then the
// kiosk returns to ready. No inline script: the CSP forbids it.
import { setUpCamera } from "./kiosk-camera.js";
import { playTone as sound, unlockAudio } from "./kiosk-tones.js";

const main = document.getElementById("main");
const form = document.getElementById("scan-form");
const input = document.getElementById("scan-input");
const machineField = document.getElementById("scan-machine");
const studentField = document.getElementById("scan-student");
const statusRegion = document.getElementById("kiosk-status");
const actions = document.getElementById("kiosk-actions");
const target = document.getElementById("kiosk-target");
const machinesBox = document.getElementById("kiosk-machines");
const cameraButton = document.getElementById("camera-toggle");
const video = document.getElementById("camera-view");

const TIMEOUT_MS = 5000; // a request slower than this counts as lost
const REPEAT_MS = 3000; // the same scan again within this does nothing
const CHECKING_MS = 300; // clear an old answer if the new one is slow
const POLL_MS = 5000;
const pinned = main.dataset.mode === "pinned";
const readyText = target.textContent;
const csrfToken = readCsrfToken();

let resetTimer = 0;
let resetMs = 0;
let checkingTimer = 0;
let inFlight = null;
let offline = false;
let lastScan = { text: "", at: -Infinity };

function readCsrfToken() {
  try {
    const headers = document.body.getAttribute("hx-headers:inherited");
    return JSON.parse(headers ?? "{}")["X-CSRF-Token"] ?? "";
  } catch {
    return "";
  }
}

// ---- sending a scan -------------------------------------------------------

function submitScan(text) {
  const now = performance.now();
  if (text === lastScan.text && now - lastScan.at < REPEAT_MS) return;
  lastScan = { text, at: now };

  const body = new URLSearchParams(new FormData(form));
  body.set("scanned", text);
  send(form.action, body);
}

async function send(url, body) {
  performance.clearMarks("kiosk-scan");
  performance.mark("kiosk-scan");
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  clearTimeout(checkingTimer);
  checkingTimer = setTimeout(showChecking, CHECKING_MS);

  let response;
  let html;
  try {
    response = await fetchWithTimeout(url, controller, {
      method: "POST",
      body,
      headers: { "HX-Request": "true", "X-CSRF-Token": csrfToken },
    });
    html = await response.text();
  } catch {
    if (inFlight === controller) connectionLost();
    return;
  } finally {
    if (inFlight === controller) clearTimeout(checkingTimer);
  }
  if (inFlight !== controller) return; // a newer scan took over
  inFlight = null;
  offline = false;
  receive(response, html);
}

function fetchWithTimeout(url, controller, init = {}) {
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  return fetch(url, {
    ...init,
    signal: controller.signal,
    credentials: "same-origin",
    cache: "no-store",
  }).finally(() => clearTimeout(timer));
}

function receive(response, html) {
  const redirect = response.headers.get("HX-Redirect");
  if (redirect) {
    window.location.assign(redirect);
    return;
  }
  const outcome = parseOutcome(html);
  if (outcome) {
    show(outcome);
    return;
  }
  const message =
    response.status >= 500
      ? "Something went wrong - please scan again"
      : `Not checked: ${errorMessage(html)}`;
  showNotice(message);
}

function parseOutcome(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.querySelector(".kiosk-outcome");
}

function errorMessage(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const text = doc.querySelector("main p")?.textContent?.trim();
  return text || "ask shop staff";
}

// ---- showing an answer ------------------------------------------------------

function show(outcome) {
  const kind = outcome.dataset.outcome;
  if (kind === "duplicate") {
    measureAfterPaint();
    return;
  }
  if (kind === "machine") {
    chooseMachine(outcome.dataset.machine, outcome.dataset.machineName);
  }
  studentField.value = kind === "clearances" ? outcome.dataset.student : "";

  const slot = (name) => outcome.querySelector(`[data-slot="${name}"]`);
  main.dataset.state = kind === "clearances" ? "choose" : "result";
  main.dataset.outcome = kind;
  statusRegion.replaceChildren(...(slot("status")?.childNodes ?? []));
  actions.replaceChildren(...(slot("actions")?.childNodes ?? []));

  playTone(outcome.dataset.tone);
  scheduleReset(Number(outcome.dataset.reset) || 4000);
  const invalid = actions.querySelector('[aria-invalid="true"]');
  if (invalid) invalid.focus();
  else focusScan();
  measureAfterPaint();
}

function showMessage(kind, text) {
  main.dataset.state = "result";
  main.dataset.outcome = kind;
  const p = document.createElement("p");
  p.className = "outcome-title";
  p.textContent = text;
  statusRegion.replaceChildren(p);
  actions.replaceChildren();
}

function showNotice(text) {
  showMessage("notice", text);
  playTone("no");
  scheduleReset(4000);
  focusScan();
  measureAfterPaint();
}

// An old "Signed in" must not stay up while the next answer is slow.
function showChecking() {
  if (main.dataset.state === "ready") return;
  showMessage("checking", "Checking...");
  clearTimeout(resetTimer);
}

function ready() {
  clearTimeout(resetTimer);
  resetMs = 0;
  main.dataset.state = "ready";
  delete main.dataset.outcome;
  statusRegion.replaceChildren();
  actions.replaceChildren();
  studentField.value = "";
  if (!pinned) chooseMachine("", "");
  focusScan();
  refreshMachines();
}

function scheduleReset(ms) {
  clearTimeout(resetTimer);
  resetMs = ms;
  resetTimer = setTimeout(ready, ms);
}

// Long waits (clearances, the override form) count from the last touch.
function extendIdle() {
  if (resetMs >= 20000) scheduleReset(resetMs);
}

function measureAfterPaint() {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (performance.getEntriesByName("kiosk-scan").length === 0) return;
      performance.clearMeasures("kiosk-scan-paint"); // a kiosk runs for days
      const m = performance.measure("kiosk-scan-paint", "kiosk-scan");
      window.__lastScanMs = m.duration;
      main.dataset.lastScanMs = m.duration.toFixed(1);
    }, 0),
  );
}

// ---- choosing a machine (shared kiosk) --------------------------------------

function chooseMachine(code, name) {
  if (pinned) return;
  machineField.value = code ?? "";
  for (const tile of machinesBox.querySelectorAll("[data-machine]")) {
    const on = tile.dataset.machine === code;
    tile.setAttribute("aria-pressed", String(on));
  }
  target.textContent = code ? `${name} (${code}): scan a card` : readyText;
}

machinesBox.addEventListener("click", (event) => {
  const tile = event.target.closest("[data-machine]");
  if (!tile) return;
  const same = machineField.value === tile.dataset.machine;
  chooseMachine(same ? "" : tile.dataset.machine, tile.dataset.machineName);
  // a chosen machine waits 20 s for a card, then the kiosk is ready again
  if (same) clearTimeout(resetTimer);
  else scheduleReset(20000);
  focusScan();
});

async function refreshMachines() {
  if (offline || main.dataset.state !== "ready") return;
  if (machinesBox.contains(document.activeElement)) return;
  const controller = new AbortController();
  try {
    const response = await fetchWithTimeout(
      machinesBox.dataset.poll,
      controller,
      {
        headers: { "HX-Request": "true" },
      },
    );
    const redirect = response.headers.get("HX-Redirect");
    if (redirect) window.location.assign(redirect); // unpaired meanwhile
    if (!response.ok || redirect) return;
    const html = await response.text();
    if (main.dataset.state !== "ready") return;
    const template = document.createElement("template");
    template.innerHTML = html;
    machinesBox.replaceChildren(template.content);
    chooseMachine(machineField.value, machineNameOf(machineField.value));
  } catch {
    connectionLost();
  }
}

function machineNameOf(code) {
  const tile =
    code && machinesBox.querySelector(`[data-machine="${CSS.escape(code)}"]`);
  return tile?.dataset.machineName ?? "";
}

setInterval(refreshMachines, POLL_MS);

// ---- connection -------------------------------------------------------------

function connectionLost() {
  clearTimeout(checkingTimer);
  clearTimeout(resetTimer);
  inFlight = null;
  studentField.value = "";
  showMessage("offline", "Connection lost - retrying");
  focusScan();
  if (offline) return;
  offline = true;
  playTone("no");
  pingUntilBack();
}

async function pingUntilBack() {
  while (offline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    try {
      const response = await fetchWithTimeout(
        "/healthz",
        new AbortController(),
      );
      if (response.ok && offline) {
        offline = false;
        ready();
      }
    } catch {
      // still down: try again
    }
  }
}

// ---- focus: the scanner types wherever the focus is -------------------------

function focusScan() {
  const active = document.activeElement;
  if (active?.closest(".override-form")) return;
  input.focus({ preventScroll: true });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  input.value = "";
  if (text) submitScan(text);
});

main.addEventListener("submit", (event) => {
  const other = event.target.closest("form.kiosk-form");
  if (!other) return;
  event.preventDefault();
  send(other.action, new URLSearchParams(new FormData(other)));
});

input.addEventListener("focusout", (event) => {
  if (!event.relatedTarget) setTimeout(focusScan, 0);
});

// A scanner typing while a button has the focus still reaches the input.
document.addEventListener("keydown", (event) => {
  unlockAudio();
  extendIdle();
  const el = event.target;
  const typing = el.closest?.("input, textarea, select");
  const printable =
    event.key.length === 1 &&
    event.key !== " " &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey;
  if (typing || !printable) return;
  event.preventDefault();
  input.focus({ preventScroll: true });
  input.value += event.key;
});

document.addEventListener("pointerdown", () => {
  unlockAudio();
  extendIdle();
});

// ---- camera -----------------------------------------------------------------

setUpCamera({
  button: cameraButton,
  video,
  onCode: submitScan,
  onError: () => showNotice("The camera did not start - use the scanner"),
});
cameraButton.addEventListener("click", () => focusScan());

function playTone(kind) {
  if (kind !== "yes" && kind !== "no") return;
  main.dataset.tone = kind;
  sound(kind);
}

// ---- start ------------------------------------------------------------------

const initial = statusRegion.querySelector(".kiosk-outcome");
if (initial) show(initial);
else focusScan();
main.dataset.script = "ready"; // scans typed from now on go through fetch
