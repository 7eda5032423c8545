// The measure feed through the reference graphql-transport-ws client (graphql-ws on ws), as a
// front-end would use it. Run by FeedClientTests: node feed-client.mjs <http url of /graphql> <ANALYST key>.
// Every wait has a time limit; nothing sleeps. Exits 0 when every check held.
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, key] = process.argv.slice(2);
const WAIT_MS = 10000;
const SUBSCRIPTION = `subscription Feed($filter: MeasureFilter, $after: String) {
  measureChanged(filter: $filter, after: $after) { cursor operation measure { id title } }
}`;
let day = 0;

async function graphql(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

async function record(imposer, title) {
  day += 1;
  const inForce = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
  const data = await graphql(
    `mutation R($fields: MeasureFields!) { recordSanction(input: { fields: $fields }) {
       measure { id } userErrors { field message } } }`,
    { fields: { title, imposedBy: [imposer], measureTypes: ['EXPORT_CONTROL'],
      targets: [{ kind: 'PARTY', party: 'BY' }], inForce } });
  assert.deepEqual(data.recordSanction.userErrors, []);
  return data.recordSanction.measure.id;
}

async function page(filter, after) {
  const changes = [];
  let more = true;
  while (more) {
    const data = await graphql(
      `query P($filter: MeasureFilter, $after: String) { measureChanges(filter: $filter, after: $after, first: 2) {
         edges { cursor node { cursor measure { title } } } pageInfo { hasNextPage endCursor } } }`,
      { filter, after });
    changes.push(...data.measureChanges.edges.map((edge) => edge.node));
    after = data.measureChanges.pageInfo.endCursor ?? after;
    more = data.measureChanges.pageInfo.hasNextPage;
  }
  return { changes, end: after };
}

/** A subscription on a connection of its own; next() waits for the next change, at most WAIT_MS. */
function subscribe(filter, after) {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  const received = [];
  const waiting = [];
  const deliver = (item) => (waiting.length ? waiting.shift()(item) : received.push(item));
  client.subscribe({ query: SUBSCRIPTION, variables: { filter, after } }, {
    next: (result) => deliver(result.errors ? new Error(JSON.stringify(result.errors)) : result.data.measureChanged),
    error: (error) => deliver(error instanceof Error ? error : new Error(JSON.stringify(error))),
    complete: () => {},
  });
  return {
    received,
    next() {
      const item = received.length ? Promise.resolve(received.shift()) : new Promise((resolve) => waiting.push(resolve));
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no change within ${WAIT_MS} ms`)), WAIT_MS);
      });
      return Promise.race([item, timeout]).finally(() => clearTimeout(timer)).then((value) => {
        if (value instanceof Error) throw value;
        return value;
      });
    },
    close: () => client.dispose(),
  };
}

const us = { imposedBy: ['US'] };
await record('EU', 'JS before');
const start = (await page(null, null)).end;

// a filtered subscription hears the matching write, not the one written just before it
const first = subscribe(us, start);
await record('EU', 'JS EU');
await record('US', 'JS US 1');
const heard = await first.next();
assert.equal(heard.measure.title, 'JS US 1');
assert.equal(heard.operation, 'RECORDED');
await first.close();
console.log('ok: a filtered subscription got the matching write and not the other');

// a change written while disconnected arrives once on resuming from the last cursor, then live ones
await record('US', 'JS missed');
const resumed = subscribe(us, heard.cursor);
const missed = await resumed.next();
assert.equal(missed.measure.title, 'JS missed');
await record('US', 'JS US 2');
const live = await resumed.next();
assert.equal(live.measure.title, 'JS US 2');
assert.deepEqual(resumed.received, []);
await resumed.close();
console.log('ok: resumed with the last cursor, the missed change came exactly once, then the live one');

// the query pages the same changes with the same cursors
const paged = (await page(us, start)).changes;
assert.deepEqual(paged.map((change) => change.measure.title), ['JS US 1', 'JS missed', 'JS US 2']);
assert.deepEqual(paged.map((change) => change.cursor), [heard.cursor, missed.cursor, live.cursor]);
console.log('ok: measureChanges pages the same changes with the same cursors');
