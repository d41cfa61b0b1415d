// The slow-upload attack on the meeting folder (issue 12, security 2), for `npm run bench`:
// uploads that trickle a byte every two seconds must not slow other participants' uploads.
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { multipart, pdfOf, ratio, startFolder, type Target } from './files-servers.ts';

// The attack of issue 12: as many slow uploads as there were processing slots (files/service.ts, PROCESSED_AT_ONCE).
export const SLOW_UPLOADS = 8;

/** Starts a multipart upload that sends its head, then a byte every two seconds, until stopped. */
function trickle(action: string, cookie: string): { stop(): void } {
  const { body, type } = multipart('slow.pdf', pdfOf(64 * 1024, 'slow'));
  const req = request(action, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': type,
      'content-length': body.length,
      accept: 'application/json',
    },
  });
  req.on('error', () => undefined);
  req.on('response', (res) => res.resume());
  req.write(body.subarray(0, 300));
  let at = 300;
  const timer = setInterval(() => req.write(body.subarray(at, ++at)), 2000);
  return { stop: () => (clearInterval(timer), req.destroy()) };
}

/** Median milliseconds of `n` small uploads by one browser. */
async function smallUploads(t: Target, who: number, n: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await t.upload(`small-${i}.pdf`, pdfOf(1024, `small ${i}`), who);
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/**
 * The slow-upload attack (issue 12, security 2): one participant starts SLOW_UPLOADS uploads that
 * trickle a byte every two seconds; meanwhile another participant's small uploads are timed,
 * against the same uploads with no attack, in the same run.
 */
export async function slowAttackFigures(label: string, databaseUrl: string | undefined) {
  const okence = await startFolder(databaseUrl);
  try {
    await smallUploads(okence, 1, 3);
    const idle = await smallUploads(okence, 1, 9);
    const attack = Array.from({ length: SLOW_UPLOADS }, () =>
      trickle(okence.form(0).action, okence.form(0).cookie),
    );
    try {
      await sleep(1000); // the attack's heads are in; its bodies will not be for minutes
      const during = await smallUploads(okence, 1, 9);
      return {
        database: label,
        'slow uploads': SLOW_UPLOADS,
        'small upload ms, idle': Math.round(idle),
        'small upload ms, under attack': Math.round(during),
        'ratio attack/idle': ratio(during, idle),
      };
    } finally {
      for (const a of attack) a.stop();
    }
  } finally {
    await okence.stop();
  }
}
