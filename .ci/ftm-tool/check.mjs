// Checks FtM JSON lines against the FollowTheMoney model of @alephdata/followthemoney (pinned in
// package-lock.json): every line is a JSON object with a string id, a schema the model has, and
// properties that belong to that schema or one of its ancestors, each a list of strings.
// Usage: node check.mjs FILE   (exit 0: all lines valid; 1: the first problems are printed)
import { readFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const model = JSON.parse(readFileSync(require.resolve('@alephdata/followthemoney/dist/defaultModel.json'), 'utf8'));
const schemata = model.schemata;

function properties(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  const schema = schemata[name];
  for (const property of Object.keys(schema.properties || {})) seen.add(property);
  for (const parent of schema.extends || []) properties(parent, seen);
  return seen;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node check.mjs FILE');
  process.exit(2);
}
const problems = [];
let lines = 0;
let number = 0;
const bySchema = {};
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  number++;
  if (line.trim() === '') continue;
  lines++;
  let entity;
  try {
    entity = JSON.parse(line);
  } catch (e) {
    problems.push(`line ${number}: not JSON`);
    continue;
  }
  if (typeof entity.id !== 'string' || entity.id === '') problems.push(`line ${number}: no string id`);
  const schema = schemata[entity.schema];
  if (!schema) {
    problems.push(`line ${number}: unknown schema ${entity.schema}`);
    continue;
  }
  if (schema.abstract) problems.push(`line ${number}: schema ${entity.schema} is abstract`);
  bySchema[entity.schema] = (bySchema[entity.schema] || 0) + 1;
  const allowed = properties(entity.schema);
  for (const [property, values] of Object.entries(entity.properties || {})) {
    if (!allowed.has(property)) problems.push(`line ${number}: ${entity.schema} has no property ${property}`);
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      problems.push(`line ${number}: ${property} is not a list of strings`);
    }
  }
}
if (problems.length > 0) {
  console.log(`${problems.length} problems in ${lines} lines; the first ones:`);
  for (const problem of problems.slice(0, 50)) console.log(problem);
  process.exit(1);
}
console.log(`${lines} lines valid against the FtM model: ${JSON.stringify(bySchema)}`);
