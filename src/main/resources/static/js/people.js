// People and organisations as sanctions lists see them: their designations (each entry with its own
// listing dates and reference), their ties to other people and organisations, whether a sanction
// covers them today, and a country's officials. Each section asks the API for itself, so a page
// shows what it has while the rest loads.
(function () {
  'use strict';

  var SG = window.SG;

  var DESIGNATIONS = 'designations(first: 50) { totalCount nodes { id measure { id __typename title imposers { id code name } } '
    + 'listed { value precision } amended { value precision } delisted { value precision } delistingReason '
    + 'authorityReference reason } }';
  var TIES = 'ties(first: 50) { totalCount edges { otherSide other { __typename ... on Person { id name } '
    + '... on Organization { id name } } node { id kind relationship percentage start { value precision } '
    + 'end { value precision } } } }';
  var IDENTIFIERS = 'identifiers { scheme value country { code name } }';

  // designations and ties come from different parts of the API, so each has its own query
  var LISTED = 'query Listed($id: ID!, $today: Date!) { node(id: $id) { '
    + '... on Person { sanctioned: isSanctioned(on: $today) ' + DESIGNATIONS + ' } '
    + '... on Organization { sanctioned: isSanctioned(on: $today) ' + DESIGNATIONS + ' } } }';
  var TIED = 'query Tied($id: ID!) { node(id: $id) { ... on Person { ' + TIES + ' ' + IDENTIFIERS + ' } '
    + '... on Organization { ' + TIES + ' ' + IDENTIFIERS + ' jurisdiction { code name } legalForm '
    + 'incorporated { value precision } dissolved { value precision } } } }';
  var OFFICIALS = 'query Officials($code: String!) { party(code: $code) { ... on Country { '
    + 'officials(first: 50) { totalCount nodes { id name positions { title country { code } start { value precision } '
    + 'end { value precision latest } } } } } } }';

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /** A section drawn when its query answers; until then it says it is loading. */
  function later(title, id, load) {
    var section = SG.section(title, [SG.el('p', { class: 'muted', text: 'Loading…' })], id);
    load().then(function (nodes) {
      section.replaceChildren.apply(section, [SG.el('h2', { text: title })].concat(nodes.filter(function (n) { return n; })));
      section.setAttribute('data-loaded', 'true');
    }).catch(function (error) {
      section.replaceChildren(SG.el('h2', { text: title }), SG.el('p', { class: 'notice', text: error.message }));
      section.setAttribute('data-loaded', 'failed');
    });
    return section;
  }

  function words(value) {
    return value ? value.toLowerCase().replace(/_/g, ' ') : null;
  }

  function designations(connection) {
    if (!connection.nodes.length) { return SG.none('Not listed under any measure recorded here.'); }
    return SG.table(['Listed under', 'By', 'Listed', 'Delisted', 'Reference', 'Reason'], connection.nodes.map(function (d) {
      return [SG.link(d.measure), SG.links(d.measure.imposers),
        SG.date(d.listed) + (d.amended ? ' (amended ' + SG.date(d.amended) + ')' : ''),
        d.delisted ? SG.date(d.delisted) + (d.delistingReason ? ': ' + d.delistingReason : '') : 'still listed',
        d.authorityReference || '—', d.reason || '—'];
    }), { id: 'designations-table' });
  }

  function ties(connection) {
    if (!connection.edges.length) { return SG.none('No ties recorded.'); }
    return SG.table(['Tie', 'With', 'When'], connection.edges.map(function (edge) {
      var tie = edge.node;
      var what = words(tie.kind) + (tie.relationship ? ': ' + tie.relationship : '')
        + (tie.percentage !== null && tie.percentage !== undefined ? ' (' + tie.percentage + ' %)' : '');
      return [what, SG.el('span', {}, [SG.link(edge.other), ' ', SG.kind(edge.other.__typename)]),
        tie.start || tie.end ? SG.period(tie.start, tie.end) : 'dates unknown'];
    }), { id: 'ties-table' });
  }

  function identifiers(list) {
    return list.length ? list.map(function (i) {
      return words(i.scheme) + ' ' + i.value + (i.country ? ' (' + i.country.code + ')' : '');
    }).join(' · ') : null;
  }

  function sanctionedToday(record) {
    return SG.el('p', { class: record.sanctioned ? 'flag sanctioned' : 'flag', id: 'sanctioned-today',
      text: record.sanctioned ? 'Under sanctions today.' : 'Not under any sanction recorded here today.' });
  }

  function lists(extra) {
    return function (record) {
      var listed = SG.query(LISTED, { id: record.id, today: today() }).then(function (data) { return data.node; });
      var tied = SG.query(TIED, { id: record.id }).then(function (data) { return data.node; });
      return [
        later('Designations', 'designations', function () {
          return listed.then(function (r) { return [sanctionedToday(r), designations(r.designations)]; });
        }),
        later('Ties', 'ties', function () {
          return tied.then(function (r) { return [ties(r.ties)]; });
        }),
        later('Identifiers', 'identifiers', function () {
          return tied.then(function (r) { return [extra(r) || SG.none('No identifiers recorded.')]; });
        })];
    };
  }

  function facts(rows) {
    var shown = rows.filter(function (row) { return row[1]; });
    if (!shown.length) { return null; }
    return SG.el('dl', { class: 'facts' }, [].concat.apply([], shown.map(function (row) {
      return [SG.el('dt', { text: row[0] }), SG.el('dd', {}, [row[1]])];
    })));
  }

  SG.recordSections.Person = (SG.recordSections.Person || []).concat([lists(function (r) {
    return facts([['Identifiers', identifiers(r.identifiers)]]);
  })]);

  SG.recordSections.Organization = (SG.recordSections.Organization || []).concat([lists(function (r) {
    return facts([['Identifiers', identifiers(r.identifiers)], ['Registered in', r.jurisdiction ? SG.link(r.jurisdiction) : null],
      ['Legal form', r.legalForm], ['Incorporated', SG.date(r.incorporated)], ['Dissolved', SG.date(r.dissolved)]]);
  })]);

  /** A country's officials today, each with the offices they hold there. */
  SG.partySections.push(function (party) {
    if (party.kind !== 'COUNTRY') { return []; }
    return [later('Officials today', 'officials', function () {
      return SG.query(OFFICIALS, { code: party.code }).then(function (data) {
        var people = data.party.officials.nodes;
        if (!people.length) { return [SG.none('No one recorded as holding an office of ' + party.name + ' today.')]; }
        return [SG.el('ul', { class: 'officials' }, people.map(function (person) {
          var offices = person.positions.filter(function (p) {
            return p.country && p.country.code === party.code && (!p.end || p.end.latest >= today());
          });
          return SG.el('li', { class: 'card' }, [SG.el('strong', {}, [SG.link(person)]),
            SG.el('span', { class: 'muted', text: offices.map(function (p) {
              return p.title + (p.start ? ', since ' + SG.date(p.start) : '');
            }).join('; ') })]);
        }))];
      });
    })];
  });
})();
