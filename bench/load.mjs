// Drives the API with autocannon: for each query document, a check request, the MongoDB commands
// one request costs (from the app's metric), then a warm-up and a measured run at each connection
// count. Also a mixed run: the country page with 1 write in 20 (recordSource) by an analyst key.
// Usage: node load.mjs URL QUERY_DIR OUT_JSON   (env: CONNECTIONS="1 16 64" WARMUP_S DURATION_S
//        ADMIN_KEY ANALYST_KEY)
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import http from 'node:http';

const require = createRequire(join(process.env.NODE_DIR, 'node_modules', 'x.js'));
const autocannon = require('autocannon');

const [url, dir, out] = process.argv.slice(2);
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(url)) {
  throw new Error('refusing a non-loopback URL: ' + url);
}
const connections = (process.env.CONNECTIONS || '1 16 64').split(/\s+/).filter(Boolean).map(Number);
const warmup = Number(process.env.WARMUP_S || 5);
const duration = Number(process.env.DURATION_S || 20);
const adminKey = process.env.ADMIN_KEY;
const base = url.replace(/\/graphql$/, '');

async function post(body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

async function commands() {
  const response = await fetch(base + '/actuator/metrics/sanctions.mongodb.commands', {
    headers: { authorization: 'Bearer ' + adminKey } });
  const json = await response.json();
  return json.measurements[0].value;
}

function run(options) {
  return new Promise((resolve, reject) => {
    let graphqlErrors = 0;
    const instance = autocannon({ ...options, setupClient: (client) => client.on('body', (body) => {
      if (body.includes('"errors"')) { graphqlErrors++; }
    }) }, (error, result) => error ? reject(error) : resolve({ result, graphqlErrors }));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/**
 * Latency percentiles measured directly: `workers` clients, each on its own keep-alive connection,
 * sending one request after another for `seconds`. (autocannon 8's own latency figures on this
 * machine come out well above what a client waiting for each answer sees, so the table takes its
 * percentiles from here and its throughput from autocannon.)
 */
async function latencies(body, workers, seconds) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: workers });
  const length = Buffer.byteLength(body);
  const all = [];
  const until = Date.now() + seconds * 1000;
  function once() {
    return new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': length } }, (response) => {
        response.resume();
        response.on('end', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
      });
      request.on('error', reject);
      request.end(body);
    });
  }
  await Promise.all(Array.from({ length: workers }, async () => {
    while (Date.now() < until) { all.push(await once()); }
  }));
  agent.destroy();
  all.sort((a, b) => a - b);
  const at = (p) => Number(all[Math.min(all.length - 1, Math.ceil(p / 100 * all.length) - 1)].toFixed(1));
  return { samples: all.length, p50: at(50), p95: at(95), p99: at(99) };
}

function summary(name, c, { result, graphqlErrors }) {
  return {
    query: name, connections: c, seconds: duration,
    requestsPerSecond: Math.round(result.requests.total / duration),
    p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99,
    max: result.latency.max, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
    graphqlErrors
  };
}

const results = [];
const documents = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
for (const file of documents) {
  const name = basename(file, '.graphql');
  const query = readFileSync(join(dir, file), 'utf8');
  const variablesFile = join(dir, name + '.variables.json');
  const variables = existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8')) : {};
  const body = JSON.stringify({ query, variables });
  const check = await post(body);
  if (check.status !== 200 || check.text.includes('"errors"')) {
    throw new Error(`${name}: check failed: ${check.status} ${check.text.slice(0, 500)}`);
  }
  const before = await commands();
  await post(body);
  const perRequest = (await commands()) - before - 0;
  console.log(`== ${name}: ${check.text.length} bytes, ${perRequest} MongoDB commands a request`);
  for (const c of connections) {
    const options = { url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: c };
    await run({ ...options, duration: warmup });
    const measured = summary(name, c, await run({ ...options, duration }));
    measured.mongoCommandsPerRequest = perRequest;
    measured.responseBytes = check.text.length;
    measured.measured = await latencies(body, c, Math.min(duration, 10));
    results.push(measured);
    console.log(JSON.stringify(measured));
  }
}

// 1 write in 20: the country page with a recordSource mutation by an analyst key
if (process.env.ANALYST_KEY) {
  const country = readFileSync(join(dir, documents[0]), 'utf8');
  const countryVariables = JSON.parse(readFileSync(join(dir, basename(documents[0], '.graphql') + '.variables.json'), 'utf8'));
  const read = { method: 'POST', body: JSON.stringify({ query: country, variables: countryVariables }) };
  const write = { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.ANALYST_KEY },
    body: JSON.stringify({ query: 'mutation { recordSource(input: { fields: { kind: NEWS_REPORT, title: "Benchmark source" } }) { source { id } userErrors { message } } }' }) };
  const requests = Array.from({ length: 20 }, (_, i) => i === 19 ? write : { ...read, headers: { 'content-type': 'application/json' } });
  for (const c of connections.filter((n) => n === 16)) {
    const options = { url, connections: c, requests };
    await run({ ...options, duration: warmup });
    const measured = summary('f_mixed_5pct_writes', c, await run({ ...options, duration }));
    results.push(measured);
    console.log(JSON.stringify(measured));
  }
}
writeFileSync(out, JSON.stringify(results, null, 2));
