import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GUIDES } from './guides.ts';
import { guideCues, parseVtt, SECONDS_PER_STEP, toVtt, vttTime } from './vtt.ts';

test('timestamps are hh:mm:ss.ttt', () => {
  assert.equal(vttTime(0), '00:00:00.000');
  assert.equal(vttTime(6.5), '00:00:06.500');
  assert.equal(vttTime(3723.004), '01:02:03.004');
});

test("a guide's cues follow its steps, back to back, and read back the same", () => {
  for (const guide of GUIDES) {
    const cues = guideCues('cs', guide);
    assert.equal(cues.length, guide.steps.length);
    cues.forEach((c, i) => {
      assert.equal(c.start, i * SECONDS_PER_STEP);
      assert.equal(c.end, (i + 1) * SECONDS_PER_STEP);
      assert.doesNotMatch(c.text, /\{control\}/);
    });
    assert.deepEqual(parseVtt(toVtt(cues)), cues);
  }
});

test('a cue cannot end the file early or open a tag: "-->", blank lines and "<" are folded', () => {
  const vtt = toVtt([{ start: 0, end: 1, text: 'a --> b\n\nc <b>&' }]);
  assert.deepEqual(parseVtt(vtt), [{ start: 0, end: 1, text: 'a → b c &lt;b>&amp;' }]);
});

test('any cue text survives the round trip as one cue', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (text) => {
      const cues = parseVtt(toVtt([{ start: 1, end: 2, text: text.trim() || 'x' }]));
      assert.equal(cues.length, 1);
    }),
  );
});

test('a file that is not WebVTT, or a cue without timing, is refused', () => {
  assert.throws(() => parseVtt('1\n00:00:00.000 --> 00:00:01.000\nx'));
  assert.throws(() => parseVtt('WEBVTT\n\n1\nnot a time\nx'));
  assert.throws(() => parseVtt('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nx'));
});
