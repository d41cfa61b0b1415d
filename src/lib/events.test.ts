import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEvents, type Emitter } from './events.ts';

type Map_ = { 'thing.done': { id: string }; 'other.done': { n: number } };

function logged() {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, log: { error: (obj: object, msg: string) => errors.push({ obj, msg }) } };
}

test('every handler of an event gets its payload, in the order they subscribed; other events none', async () => {
  const events = createEvents<Map_>(logged().log);
  const seen: string[] = [];
  events.on('thing.done', (p) => void seen.push(`a:${p.id}`));
  events.on('thing.done', (p) => void seen.push(`b:${p.id}`));
  events.on('other.done', (p) => void seen.push(`other:${p.n}`));
  await events.emit('thing.done', { id: '1' });
  assert.deepEqual(seen, ['a:1', 'b:1']);
});

test('an event nobody subscribed to resolves', async () => {
  const events = createEvents<Map_>(logged().log);
  await events.emit('other.done', { n: 1 });
});

test('handlers start before emit returns; emit resolves once every handler has settled', async () => {
  const events = createEvents<Map_>(logged().log);
  const steps: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  events.on('thing.done', async () => {
    steps.push('started');
    await gate;
    steps.push('finished');
  });
  const emitted = events.emit('thing.done', { id: '1' });
  assert.deepEqual(steps, ['started']);
  let settled = false;
  void emitted.then(() => (settled = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(settled, false, 'emit waits for the handler');
  release();
  await emitted;
  assert.deepEqual(steps, ['started', 'finished']);
});

test("a handler's failure, thrown or rejected, is logged with the event and reaches neither the emitter nor the other handlers", async () => {
  const { errors, log } = logged();
  const events = createEvents<Map_>(log);
  const seen: string[] = [];
  events.on('thing.done', () => {
    throw new Error('sync');
  });
  events.on('thing.done', async () => {
    await Promise.resolve();
    throw new Error('async');
  });
  events.on('thing.done', (p) => void seen.push(p.id));
  await events.emit('thing.done', { id: '7' });
  assert.deepEqual(seen, ['7']);
  assert.deepEqual(
    errors.map((e) => [(e.obj as { err: Error }).err.message, (e.obj as { event: string }).event]),
    [
      ['sync', 'thing.done'],
      ['async', 'thing.done'],
    ],
  );
  assert.match(errors[0]!.msg, /thing\.done/);
});

test('unsubscribing stops the handler; an emission in progress is not changed by it', async () => {
  const events = createEvents<Map_>(logged().log);
  const seen: string[] = [];
  const off = events.on('thing.done', (p) => {
    seen.push(`first:${p.id}`);
    off();
  });
  events.on('thing.done', (p) => void seen.push(`second:${p.id}`));
  await events.emit('thing.done', { id: '1' });
  await events.emit('thing.done', { id: '2' });
  assert.deepEqual(seen, ['first:1', 'second:1', 'second:2']);
});

test('a domain given an emitter of its own events accepts the whole channel', () => {
  const events = createEvents<Map_>(logged().log);
  const domain = (e: Emitter<{ 'thing.done': { id: string } }>) => e;
  assert.equal(domain(events), events);
});
