// The knock sound, shared by the official's room and the staff start page.

/** A short two-note chime made with an oscillator, so no sound file is fetched. */
export function chime(ctx: AudioContext): void {
  const start = ctx.currentTime + 0.01;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.32);
  });
}
