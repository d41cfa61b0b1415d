// How fast hostile answers are refused (`node bench/hostile-answers.ts`): each slow-regex bait
// and oversized repeat of src/forms/corpus.test.ts at a size and at four times it, best of three,
// against the ordinary form validated in the same run. Linear work grows about 4× between the
// sizes; a backtracking or per-item blow-up grows 16× or more. Replaces the time limits the
// tests had (a test asserts what is refused, this says how fast; a loaded CI machine made 1 s
// limits fail at 2.4 s).
import { validateAnswers, validateFormPost } from '../src/forms/answers.ts';
import { checkedDogRegistration, DOG_REGISTRATION_POSTED } from '../src/forms/testing.ts';

const DOG = checkedDogRegistration();
const REST = DOG_REGISTRATION_POSTED;

/** The best of `runs` timings of `fn`, in milliseconds. */
function best(fn: () => unknown, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const CASES: [string, (n: number) => () => unknown][] = [
  ['email', (n) => () => validateFormPost(DOG, { ...REST, email: `a@${'a.'.repeat(n)}` })],
  ['phone', (n) => () => validateFormPost(DOG, { ...REST, phone: `+${'1 '.repeat(n)}x` })],
  ['paid', (n) => () => validateFormPost(DOG, { ...REST, paid: `${'1'.repeat(n)}x` })],
  ['since', (n) => () => validateFormPost(DOG, { ...REST, since: `${'1'.repeat(n)}.` })],
  ['note', (n) => () => validateFormPost(DOG, { ...REST, note: 'x'.repeat(10 * n) })],
  [
    'repeats posted',
    (n) => {
      const post: Record<string, string> = {};
      for (let i = 0; i < n / 5; i++) post[`dog.${i}.dog-name`] = 'Rex';
      return () => validateFormPost(DOG, post, { pages: ['dogs'] });
    },
  ],
  [
    'repeats as JSON',
    (n) => {
      const dogs = Array.from({ length: 10 * n }, () => ({ 'dog-name': 'Rex' }));
      return () => validateAnswers(DOG, { dog: dogs }, { pages: ['dogs'] });
    },
  ],
];

const N = Number(process.env.BENCH_HOSTILE_SIZE ?? 100_000);
const ordinary = best(() => validateFormPost(DOG, REST), 50);
console.log(`ordinary form: ${ordinary.toFixed(3)} ms (best of 50)`);
console.log(`case             ${N} → ${4 * N}: ms, × ordinary, growth (linear ≈ 4)`);
for (const [name, make] of CASES) {
  const small = best(make(N));
  const large = best(make(4 * N));
  console.log(
    `${name.padEnd(16)} ${small.toFixed(1).padStart(8)} → ${large.toFixed(1).padStart(8)} ms` +
      `  ${(large / ordinary).toFixed(0).padStart(7)}×  growth ${(large / small).toFixed(1)}`,
  );
}
