// Short tones for the kiosk's answers: a rising pair for yes, a low
// buzz for no. Browsers allow sound only after a touch or a key press.
let audio = null;

const TONES = {
  yes: {
    type: "sine",
    notes: [
      [660, 0, 0.12],
      [880, 0.14, 0.18],
    ],
  },
  no: {
    type: "square",
    notes: [
      [220, 0, 0.2],
      [196, 0.25, 0.35],
    ],
  },
};

/** Starts (or resumes) the audio context; call it from a key or a touch. */
export function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") audio.resume();
  } catch {
    audio = null;
  }
}

/** Plays the "yes" or "no" tone; anything else is silent. */
export function playTone(kind) {
  const tone = TONES[kind];
  if (!tone) return;
  unlockAudio();
  if (!audio) return; // no sound: the screen still says it
  for (const [freq, start, length] of tone.notes) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    const t = audio.currentTime + start;
    osc.type = tone.type;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + length + 0.02);
  }
}
