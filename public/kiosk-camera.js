// The kiosk's camera: reads QR codes from the video in the browser with
// zxing-wasm, which the app serves itself (no CDN).
const READER = "/assets/zxing/reader/index.js";
const READER_WASM = "/assets/zxing/zxing_reader.wasm";
const FRAME_MS = 100;
const SAME_CODE_GONE_MS = 1500; // a code held in view is read once

let reader = null;

async function loadReader() {
  if (reader) return reader;
  const module = await import(READER);
  await module.prepareZXingModule({
    overrides: {
      locateFile: (path, prefix) =>
        path.endsWith(".wasm") ? READER_WASM : prefix + path,
    },
    fireImmediately: true,
  });
  reader = module;
  return reader;
}

/**
 * Wires the toggle button (aria-pressed) to the camera: each code that
 * comes into view goes to onCode once; onError when the camera fails.
 */
export function setUpCamera({ button, video, onCode, onError }) {
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let camera = null;
  let last = { text: "", at: -Infinity };

  const isOn = () => button.getAttribute("aria-pressed") === "true";

  async function start() {
    button.setAttribute("aria-pressed", "true");
    try {
      const [stream, zxing] = await Promise.all([
        navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment" },
          audio: false,
        }),
        loadReader(),
      ]);
      camera = { stream, zxing, timer: 0 };
      if (!isOn()) return stop(); // switched off while starting
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      readFrame();
    } catch {
      stop();
      onError();
    }
  }

  function stop() {
    button.setAttribute("aria-pressed", "false");
    if (camera) {
      clearTimeout(camera.timer);
      for (const track of camera.stream.getTracks()) track.stop();
    }
    camera = null;
    video.srcObject = null;
    video.hidden = true;
  }

  async function readFrame() {
    const current = camera;
    if (!current) return;
    const text = await decode(current.zxing);
    if (text) saw(text);
    if (camera === current) current.timer = setTimeout(readFrame, FRAME_MS);
  }

  async function decode(zxing) {
    if (video.readyState < 2 || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    try {
      const results = await zxing.readBarcodes(image, {
        formats: ["QRCode"],
        maxNumberOfSymbols: 1,
        tryHarder: true,
      });
      return results.find((r) => r.isValid)?.text?.trim() || null;
    } catch {
      return null; // an unreadable frame: try the next one
    }
  }

  function saw(text) {
    const now = performance.now();
    const stillInView = text === last.text && now - last.at < SAME_CODE_GONE_MS;
    last = { text, at: now };
    if (!stillInView) onCode(text);
  }

  button.addEventListener("click", () => (isOn() ? stop() : start()));
}
