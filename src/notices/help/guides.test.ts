import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, MESSAGES } from '../../i18n/i18n.ts';
import {
  controlLabel,
  controlName,
  GUIDES,
  guideShots,
  HELP_TASKS,
  splitStep,
  stepPlainText,
} from './guides.ts';

test('every task has one guide, and every step names its control exactly once in every language', () => {
  assert.deepEqual(
    GUIDES.map((g) => g.task),
    [...HELP_TASKS],
  );
  for (const lang of LANGS) {
    for (const guide of GUIDES) {
      assert.ok(guide.steps.length >= 3, `${guide.task} has steps`);
      for (const step of guide.steps) {
        const text = MESSAGES[lang][step.text];
        assert.equal(text.split('{control}').length, 2, `${lang} ${step.text}: one {control}`);
        assert.ok(MESSAGES[lang][step.control.key].trim(), `${lang} ${step.control.key}`);
      }
    }
  }
});

test('the screenshots are named per task and step, none twice', () => {
  const shots = guideShots();
  assert.equal(new Set(shots).size, shots.length);
  assert.ok(shots.includes('book-1.png') && shots.includes('pay-4.png'));
  assert.ok(shots.every((s) => /^[a-z]+-\d{1,2}\.png$/.test(s)));
});

test("a control's name matches the page's text with its placeholders filled, and nothing longer", () => {
  const name = controlName('Let {name} in (now?)');
  assert.match('Let Ana Novak in (now?)', name);
  assert.doesNotMatch('Let Ana in (now?) twice', name);
  assert.doesNotMatch('Let  in (now?)', name);
  assert.match('Reserve', controlName('Reserve'));
  assert.doesNotMatch('Reserve a table', controlName('Reserve'));
  assert.equal(controlLabel('Free times on {day}'), 'Free times on …');
});

test('a step splits around its control, and reads as plain text in the language’s quotes', () => {
  assert.deepEqual(splitStep('Press {control} now.'), { before: 'Press ', after: ' now.' });
  assert.equal(stepPlainText('sl', 'Izberite {control}.', 'Pošlji'), 'Izberite „Pošlji“.');
  assert.equal(stepPlainText('cs', 'Zvolte {control}.', 'Vpustit: {name}'), 'Zvolte „Vpustit: …“.');
  assert.equal(stepPlainText('en', 'Press {control}.', 'Send'), 'Press “Send”.');
});
