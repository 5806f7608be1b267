import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import { findJob } from './repository.ts';
import { startJobRunner, type Clock, type JobRunner, type ScheduledJob } from './runner.ts';

/**
 * Scheduled jobs as several BFF instances run them on one database: once per period, again after a
 * failure, when the (test's) clock says so, and a stop that does not wait for a job that will not end.
 */
const logger = pino({ level: 'silent' });
const HOUR = 3_600_000;

class TestClock implements Clock {
  private at = Date.parse('2026-11-27T12:00:00Z');
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Long enough for every runner to poll several times. */
const severalPolls = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('scheduled jobs', () => {
  let db: Database;
  const runners: JobRunner[] = [];
  const start = (jobs: ScheduledJob[], clock: Clock) => {
    const runner = startJobRunner({ db, logger, jobs, clock, pollMs: 20 });
    runners.push(runner);
    return runner;
  };
  const stateOf = (name: string) => withScope(db, { role: 'system' }, (tx) => findJob(tx, name));

  before(async () => {
    db = (await testDatabase()).db;
  });
  after(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await closeTestDatabase();
  });

  it('two instances on one database run a job once per period, and again when the clock has moved a period on', async () => {
    const clock = new TestClock();
    const name = `test-once-${randomUUID().slice(0, 8)}`;
    const runs: string[] = [];
    const job = (instance: string): ScheduledJob => ({
      name,
      everyMs: HOUR,
      run: async () => {
        runs.push(instance);
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
    });
    start([job('a')], clock);
    start([job('b')], clock);
    await waitFor('the first run', () => runs.length === 1);
    await severalPolls();
    assert.equal(runs.length, 1, 'one run for both instances');

    clock.advance(HOUR - 60_000);
    await severalPolls();
    assert.equal(runs.length, 1, 'not before the period is over');

    clock.advance(60_000);
    await waitFor('the run of the next period', () => runs.length === 2);
    await severalPolls();
    assert.equal(runs.length, 2, 'again once for both instances');
    const state = await stateOf(name);
    assert.equal(state?.nextRunAt.getTime(), clock.now().getTime() + HOUR, 'due one period after this run');
    assert.equal(state?.lastError, null);
  });

  it('a failing job is logged in its row and runs again next period', async () => {
    const clock = new TestClock();
    const name = `test-failing-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    start(
      [
        {
          name,
          everyMs: HOUR,
          run: async () => {
            if (++calls === 1) throw new Error('Speicher voll');
          },
        },
      ],
      clock,
    );
    await waitFor('the failed run', async () => (await stateOf(name))?.lastError === 'Speicher voll');
    await severalPolls();
    assert.equal(calls, 1, 'a failure is not retried within the period');

    clock.advance(HOUR);
    await waitFor('the next run', () => calls === 2);
    await waitFor('the error cleared', async () => (await stateOf(name))?.lastError === null);
  });

  it('stop() does not wait for a job that ignores it, and a job that ends when asked is due again at once', async () => {
    const clock = new TestClock();
    const stubborn = `test-stubborn-${randomUUID().slice(0, 8)}`;
    let stubbornStarted = false;
    const first = startJobRunner({
      db,
      logger,
      clock,
      pollMs: 20,
      stopTimeoutMs: 300,
      jobs: [{ name: stubborn, everyMs: HOUR, run: () => new Promise(() => void (stubbornStarted = true)) }],
    });
    await waitFor('the stubborn job', () => stubbornStarted);
    let stopping = Date.now();
    await first.stop();
    assert.ok(Date.now() - stopping < 1000, `stop took ${Date.now() - stopping} ms`);

    const polite = `test-polite-${randomUUID().slice(0, 8)}`;
    let politeRuns = 0;
    const second = start(
      [
        {
          name: polite,
          everyMs: HOUR,
          run: ({ signal }) =>
            new Promise((_resolve, reject) => {
              politeRuns++;
              signal.addEventListener('abort', () => reject(new Error('abgebrochen')));
            }),
        },
      ],
      clock,
    );
    await waitFor('the polite job', () => politeRuns === 1);
    stopping = Date.now();
    await second.stop();
    assert.ok(Date.now() - stopping < 1000, `stop took ${Date.now() - stopping} ms`);
    const state = await stateOf(polite);
    assert.equal(state?.lockedUntil, null, 'given back');
    assert.ok(state && state.nextRunAt.getTime() <= clock.now().getTime(), 'still due: the aborted run does not count');

    let finished = 0;
    start([{ name: polite, everyMs: HOUR, run: async () => void finished++ }], clock);
    await waitFor('another instance runs it at once', () => finished === 1);
  });
});
