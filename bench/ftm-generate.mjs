// Writes COUNT generated FtM entities as JSON lines to stdout, deterministically. In every twenty:
// ten people, five companies (one of them referring to the address after it: a forward reference),
// an address, a Sanction of a person and one of a company (EU or US lists, two programmes), a
// Passport of a person, and a Position or an Occupancy of the previous block's Position.
// Usage: node bench/ftm-generate.mjs COUNT > file.ndjson
const count = Number(process.argv[2] || 1000);
const first = ['Ivan', 'Olga', 'Siarhei', 'Alena', 'Mikalai', 'Tatsiana', 'Aliaksandr', 'Volha'];
const last = ['Kavalenka', 'Novik', 'Bondar', 'Shevchuk', 'Karpovich', 'Melnik', 'Lysenka', 'Tkachuk'];
const cyr = { Ivan: 'Иван', Olga: 'Ольга', Siarhei: 'Сергей', Alena: 'Алена', Mikalai: 'Николай',
  Tatsiana: 'Татьяна', Aliaksandr: 'Александр', Volha: 'Вольга' };
const countries = ['by', 'ru', 'ua', 'pl', 'lt'];
const lists = [
  { country: 'eu', authority: 'Council of the European Union', program: 'EU restrictive measures (generated)',
    programId: 'GEN-EU' },
  { country: 'us', authority: 'Office of Foreign Assets Control', program: 'US sanctions (generated)',
    programId: 'GEN-US' },
];
const out = [];
function flush(force) {
  if (out.length >= 1000 || (force && out.length)) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
function sanction(i, entity) {
  const list = lists[i % 2];
  return { id: `gen-sanction-${i}`, schema: 'Sanction', properties: {
    entity: [entity], country: [list.country], authority: [list.authority], authorityId: [`GEN.${i}`],
    program: [list.program], programId: [list.programId], provisions: ['Asset freeze'],
    listingDate: [`20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`] } };
}
for (let i = 0; i < count; i++) {
  const slot = i % 20;
  const block = Math.floor(i / 20);
  const f = first[i % first.length];
  const l = last[Math.floor(i / first.length) % last.length];
  let entity;
  if (slot < 10) {
    entity = { id: `gen-person-${i}`, schema: 'Person', properties: {
      name: [`${f} ${l} ${i}`], alias: [`${cyr[f]} ${l} ${i}`], firstName: [f], lastName: [l],
      birthDate: [`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`], nationality: [countries[i % countries.length]],
      topics: ['sanction'] } };
  } else if (slot < 15 && slot !== 13) {
    entity = { id: `gen-company-${i}`, schema: 'Company', properties: {
      name: [`${l} Trading ${i}`], country: [countries[i % countries.length]], registrationNumber: [`${100000 + i}`] } };
  } else if (slot === 13) {
    // refers to the address two lines further down
    entity = { id: `gen-company-${i}`, schema: 'Company', properties: {
      name: [`${l} Holding ${i}`], country: ['by'], addressEntity: [`gen-address-${i + 2}`] } };
  } else if (slot === 15) {
    entity = { id: `gen-address-${i}`, schema: 'Address', properties: {
      full: [`Praspiekt Niezalieznasci ${i}, Minsk`], city: ['Minsk'], country: ['by'] } };
  } else if (slot === 16) {
    entity = sanction(i, `gen-person-${i - 16}`);
  } else if (slot === 17) {
    entity = sanction(i, `gen-company-${i - 7}`);
  } else if (slot === 18) {
    entity = { id: `gen-passport-${i}`, schema: 'Passport', properties: {
      holder: [`gen-person-${i - 17}`], number: [`MP${1000000 + i}`], country: ['by'] } };
  } else if (block % 2 === 0) {
    entity = { id: `gen-position-${block}`, schema: 'Position', properties: {
      name: [`Deputy Minister ${block}`], country: [countries[block % countries.length]] } };
  } else {
    entity = { id: `gen-occupancy-${i}`, schema: 'Occupancy', properties: {
      holder: [`gen-person-${i - 18}`], post: [`gen-position-${block - 1}`], startDate: [`20${10 + (block % 10)}`] } };
  }
  out.push(JSON.stringify(entity));
  flush(false);
}
flush(true);
