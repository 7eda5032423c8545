// Writes COUNT generated FtM entities as JSON lines to stdout, deterministically: for every ten,
// six people, three companies and one address the next company refers to (a forward reference).
// Usage: node bench/ftm-generate.mjs COUNT > file.ndjson
const count = Number(process.argv[2] || 1000);
const first = ['Ivan', 'Olga', 'Siarhei', 'Alena', 'Mikalai', 'Tatsiana', 'Aliaksandr', 'Volha'];
const last = ['Kavalenka', 'Novik', 'Bondar', 'Shevchuk', 'Karpovich', 'Melnik', 'Lysenka', 'Tkachuk'];
const cyr = { Ivan: 'Иван', Olga: 'Ольга', Siarhei: 'Сергей', Alena: 'Алена', Mikalai: 'Николай',
  Tatsiana: 'Татьяна', Aliaksandr: 'Александр', Volha: 'Вольга' };
const countries = ['by', 'ru', 'ua', 'pl', 'lt'];
const out = [];
function flush(force) {
  if (out.length >= 1000 || (force && out.length)) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
for (let i = 0; i < count; i++) {
  const kind = i % 10;
  const f = first[i % first.length];
  const l = last[Math.floor(i / first.length) % last.length];
  let entity;
  if (kind < 6) {
    entity = { id: `gen-person-${i}`, schema: 'Person', properties: {
      name: [`${f} ${l} ${i}`], alias: [`${cyr[f]} ${l} ${i}`], firstName: [f], lastName: [l],
      birthDate: [`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`], nationality: [countries[i % countries.length]],
      topics: ['sanction'] } };
  } else if (kind < 9 && kind !== 8) {
    entity = { id: `gen-company-${i}`, schema: 'Company', properties: {
      name: [`${l} Trading ${i}`], country: [countries[i % countries.length]], registrationNumber: [`${100000 + i}`] } };
  } else if (kind === 8) {
    // refers to the address on the next line
    entity = { id: `gen-company-${i}`, schema: 'Company', properties: {
      name: [`${l} Holding ${i}`], country: ['by'], addressEntity: [`gen-address-${i + 1}`] } };
  } else {
    entity = { id: `gen-address-${i}`, schema: 'Address', properties: {
      full: [`Praspiekt Niezalieznasci ${i}, Minsk`], city: ['Minsk'], country: ['by'] } };
  }
  out.push(JSON.stringify(entity));
  flush(false);
}
flush(true);
