// Live-feed benchmark: SUBSCRIBERS graphql-ws subscriptions to measureChanged, one WebSocket
// each (spread over WORKERS worker threads so one event loop does not hold up the arrivals),
// while an analyst key records RATE distinct measures a second for DURATION_S seconds. Every
// subscriber must hear every write; reports missing deliveries, delivery latency and the app's
// memory (from /proc/APP_PID/status). Run by bench/feed-benchmark.sh.
// Usage: node feed-benchmark.mjs URL ANALYST_KEY OUT_MD
//   env: NODE_DIR (node_modules of src/test/js/feed-client, installed with npm ci), APP_PID,
//        SUBSCRIBERS=1000 RATE=10 DURATION_S=60 WARMUP_S=10 WORKERS=2 OPEN_AT_ONCE=50, and for the report
//        COMMIT, COMMAND
// Nothing sleeps to synchronise: every wait is for a condition, with a time limit.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

const require = createRequire(join(process.env.NODE_DIR, 'node_modules', 'x.js'));
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const now = () => performance.timeOrigin + performance.now();
const SUBSCRIPTION = `subscription Feed($after: String) { measureChanged(after: $after) { cursor measure { title } } }`;

if (isMainThread) {
  await main();
} else {
  await worker(workerData);
}

/** One worker's subscribers: opens them, reports when all heard the primer, records arrivals. */
async function worker({ wsUrl, count, after, primer, openAtOnce }) {
  const arrivals = new Map(); // title -> arrival times
  const errors = [];
  const clients = [];
  let ready = 0;
  let heard = 0; // arrivals of the writes answered with a measure, once they are known
  let recorded = null;
  let expected = Infinity;
  const checkDone = () => {
    if (heard >= expected) parentPort.postMessage({ type: 'complete' });
  };
  const open = () => new Promise((resolve) => {
    const timer = setTimeout(() => {
      errors.push('no replayed primer within 60 s');
      resolve();
    }, 60000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    clients.push(client);
    let first = true;
    client.subscribe({ query: SUBSCRIPTION, variables: { after } }, {
      next: (result) => {
        const at = now();
        if (result.errors) {
          errors.push(JSON.stringify(result.errors));
          done();
          return;
        }
        const title = result.data.measureChanged.measure.title;
        if (first && title === primer) {
          first = false;
          ready++;
          done();
          return;
        }
        let times = arrivals.get(title);
        if (!times) arrivals.set(title, (times = []));
        times.push(at);
        if (recorded?.has(title)) {
          heard++;
          checkDone();
        }
      },
      error: (error) => {
        errors.push(error instanceof Error ? error.message : `${error?.code ?? ''} ${error?.reason ?? JSON.stringify(error)}`);
        done();
      },
      complete: done,
    });
  });
  // open at most openAtOnce at a time, each counting once it has heard the replayed primer
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      await open();
    }
  };
  await Promise.all(Array.from({ length: Math.min(openAtOnce, count) }, lane));
  parentPort.postMessage({ type: 'ready', ready, errors: errors.length });
  parentPort.on('message', async (message) => {
    if (message.type === 'expect') {
      // a write answered with an error may still have been stored and sent; it is not counted
      recorded = new Set(message.titles);
      heard = [...recorded].reduce((sum, title) => sum + (arrivals.get(title)?.length ?? 0), 0);
      expected = recorded.size * ready;
      checkDone();
    } else if (message.type === 'report') {
      parentPort.postMessage({ type: 'report', arrivals: Object.fromEntries(arrivals), errors, ready });
      await Promise.all(clients.map((client) => client.dispose()));
      process.exit(0);
    }
  });
}

async function main() {
  const [url, key, out] = process.argv.slice(2);
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(url)) throw new Error('refusing a non-loopback URL: ' + url);
  const subscribers = Number(process.env.SUBSCRIBERS || 1000);
  const rate = Number(process.env.RATE || 10);
  const duration = Number(process.env.DURATION_S || 60);
  const warmup = Number(process.env.WARMUP_S ?? 10);
  const workers = Math.min(Number(process.env.WORKERS || 2), subscribers);
  const openAtOnce = Number(process.env.OPEN_AT_ONCE || 50);
  const appPid = process.env.APP_PID;
  const run = Date.now().toString(36);
  const memory = (field) => {
    const line = readFileSync(`/proc/${appPid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
    return Math.round(Number(line.split(/\s+/)[1]) / 1024);
  };
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  async function graphql(query, variables) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30000),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  let day = 0;
  async function record(title) {
    day++; // a distinct start day each, so no write is a duplicate of another
    const inForce = new Date(Date.UTC(1960, 0, 1 + day)).toISOString().slice(0, 10);
    const data = await graphql(
      `mutation R($fields: MeasureFields!) { recordSanction(input: { fields: $fields }) { measure { id } userErrors { field message } } }`,
      { fields: { title, imposedBy: ['EU'], measureTypes: ['EXPORT_CONTROL'], targets: [{ kind: 'PARTY', party: 'BY' }], inForce } });
    if (data.recordSanction.userErrors.length) throw new Error(JSON.stringify(data.recordSanction.userErrors));
  }
  async function end() {
    let after = null;
    for (;;) {
      const data = await graphql(`query P($after: String) { measureChanges(after: $after, first: 100) {
        pageInfo { hasNextPage endCursor } } }`, { after });
      after = data.measureChanges.pageInfo.endCursor ?? after;
      if (!data.measureChanges.pageInfo.hasNextPage) return after;
    }
  }

  // a primer each subscriber gets replayed: once it has it, its live part is listening
  await record(`feed benchmark ${run} start`);
  const after = await end();
  const primer = `feed benchmark ${run} primer`;
  await record(primer);

  const loadBefore = load();
  const rssBefore = memory('VmRSS');
  const wsUrl = url.replace(/^http/, 'ws');
  const pool = [];
  const reports = [];
  let opened = 0;
  let openErrors = 0;
  const openStart = now();
  const completions = [];
  await Promise.all(Array.from({ length: workers }, (_, i) => new Promise((resolve, reject) => {
    const count = Math.floor(subscribers / workers) + (i < subscribers % workers ? 1 : 0);
    const w = new Worker(new URL(import.meta.url), { workerData: { wsUrl, count, after, primer, openAtOnce } });
    pool.push(w);
    let complete;
    completions.push(new Promise((r) => (complete = r)));
    w.on('message', (message) => {
      if (message.type === 'ready') {
        opened += message.ready;
        openErrors += message.errors;
        resolve();
      } else if (message.type === 'complete') {
        complete();
      } else if (message.type === 'report') {
        reports.push(message);
      }
    });
    w.on('error', reject);
  })));
  const openMs = Math.round(now() - openStart);
  const rssSubscribed = memory('VmRSS');
  console.log(`${opened} of ${subscribers} subscribed in ${openMs} ms (${openErrors} errors); app RSS ${rssBefore} -> ${rssSubscribed} MiB`);

  // RATE writes a second on a fixed schedule, each sent without waiting for the one before; the
  // first WARMUP_S seconds' writes must reach every subscriber too but are left out of the latency
  const warmupWrites = rate * warmup;
  const total = rate * (warmup + duration);
  const writes = [];
  const start = now();
  await new Promise((done) => {
    let i = 0;
    const tick = () => {
      while (i < total && now() >= start + (i * 1000) / rate) {
        const title = `feed benchmark ${run} #${i}`;
        const write = { title, sent: now(), warmup: i < warmupWrites };
        writes.push(write);
        write.done = record(title).then(() => (write.answered = now()), (error) => (write.error = error.message));
        i++;
      }
      if (i < total) setTimeout(tick, Math.max(0, start + (i * 1000) / rate - now()));
      else done();
    };
    tick();
  });
  await Promise.all(writes.map((write) => write.done));
  const failedWrites = writes.filter((write) => write.error);
  const recorded = writes.length - failedWrites.length;
  const titles = writes.filter((w) => !w.error).map((w) => w.title);
  pool.forEach((w) => w.postMessage({ type: 'expect', titles }));
  const settled = await Promise.race([
    Promise.all(completions).then(() => true),
    new Promise((r) => setTimeout(() => r(false), 30000).unref()),
  ]);
  const rssAfter = memory('VmRSS');
  const peak = memory('VmHWM');
  const loadAfter = load();
  await Promise.all(pool.map((w) => new Promise((resolve) => {
    w.once('exit', resolve);
    w.postMessage({ type: 'report' });
  })));

  // latency: arrival at the subscriber minus the moment the mutation was sent, and minus its answer
  const fromSend = [];
  const fromAnswer = [];
  let received = 0;
  const errors = reports.flatMap((report) => report.errors);
  for (const write of writes.filter((w) => !w.error)) {
    for (const report of reports) {
      for (const at of report.arrivals[write.title] ?? []) {
        received++;
        if (write.warmup) continue;
        fromSend.push(at - write.sent);
        fromAnswer.push(at - write.answered);
      }
    }
  }
  const unanswered = failedWrites.reduce((sum, write) => sum + reports.reduce((n, r) => n + (r.arrivals[write.title]?.length ?? 0), 0), 0);
  const writeMs = writes.filter((w) => !w.error && !w.warmup).map((w) => w.answered - w.sent);
  const expected = recorded * opened;
  const pct = (values, p) => {
    const sorted = Float64Array.from(values).sort();
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1) : '–';
  };
  const row = (name, values) => `| ${name} | ${pct(values, 50)} | ${pct(values, 95)} | ${pct(values, 99)} | ${pct(values, 100)} |`;
  const cpu = cpus()[0]?.model ?? '?';
  const lines = [
    `# Benchmark: live feed, ${subscribers} subscribers, ${rate} writes a second`,
    '',
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; commit ${process.env.COMMIT ?? '?'}`,
    `- machine: ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, shared with other work; app (embedded server inside), `
      + `writer and subscribers on the same machine, on loopback; load average (1, 5, 15 min) ${loadBefore} before subscribing, ${loadAfter} at the end`,
    `- command: \`${process.env.COMMAND ?? 'bench/feed-benchmark.sh'}\`; the seed story only; graphql-ws 6.4.2 on ws 8.18.3 (the pinned feed client), `
      + `one WebSocket per subscriber, ${workers} Node worker threads`,
    `- subscriptions: ${opened} of ${subscribers} open and listening in ${openMs} ms (${openErrors} refused or failed)`,
    `- writes: ${writes.length} \`recordSanction\` mutations, ${rate} a second for ${warmup} s of warm-up (delivered and counted below, `
      + `left out of the latency) then ${duration} s measured, each sent on schedule without waiting for the one before, `
      + `by one ANALYST key; ${failedWrites.length} failed${failedWrites.length ? ` (first: ${failedWrites[0].error})` : ''}`,
    `- deliveries: ${received} received of ${expected} expected (${expected - received} missing${settled ? '' : ', still missing 30 s after the last write was answered'}); `
      + `subscription errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}; `
      + `deliveries of writes answered with an error (stored nonetheless): ${unanswered}`,
    `- app memory (resident, from /proc): ${rssBefore} MiB before subscribing, ${rssSubscribed} MiB with ${opened} subscriptions open, `
      + `${rssAfter} MiB after the writes; peak (VmHWM) ${peak} MiB; default JVM heap settings`,
    '',
    'Latency in milliseconds, measured by the client (its clock; arrival taken when the subscriber\'s',
    '`next` callback runs, so it includes the Node side\'s own delay on this shared machine):',
    '',
    '| | p50 | p95 | p99 | max |',
    '|---|---:|---:|---:|---:|',
    row('delivery: arrival minus the mutation\'s send', fromSend),
    row('delivery: arrival minus the mutation\'s answer', fromAnswer),
    row('the write itself: answer minus send', writeMs),
    '',
  ];
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
  if (expected - received !== 0 || opened < subscribers || failedWrites.length) process.exitCode = 1;
}
