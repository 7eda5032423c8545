// A country's or bloc's page: what it is, its timeline of events, sanctions and countermeasures,
// its memberships, and the measures it imposed or that are aimed at it.
(function () {
  'use strict';

  var SG = window.SG;

  var PARTY = [
    'query Party($code: String!) {',
    '  party(code: $code) {',
    '    id code name kind description aliases { value lang }',
    '    memberships(first: 50) { nodes { id program { id name } status',
    '      history { status from { value precision } cause { id title } } } }',
    '    measuresImposed(first: 50, order: DESC) { totalCount nodes { id __typename title ' + SG.TARGETS + ' ' + SG.MEASURE_DATES + ' } }',
    '    measuresTargeting(first: 50, order: DESC) { totalCount nodes { id __typename title imposers { id code name } ' + SG.MEASURE_DATES + ' } }',
    '  }',
    '}'].join('\n');

  var TIMELINE = [
    'query Timeline($parties: [String!]!, $after: String) {',
    '  timeline(parties: $parties, first: 100, after: $after) {',
    '    pageInfo { hasNextPage endCursor }',
    '    nodes { date when { value precision } linksTo item { __typename',
    '      ... on Event { id name endDate { value precision latest } }',
    '      ... on Sanction { id title ended { value precision latest } }',
    '      ... on Countermeasure { id title ended { value precision latest } } } }',
    '  }',
    '}'].join('\n');

  /** Extra sections other scripts add to a party's page, each a function of (party) giving nodes. */
  SG.partySections = SG.partySections || [];

  SG.party = function (code) {
    SG.loading();
    Promise.all([SG.query(PARTY, { code: code }),
      SG.queryAll(TIMELINE, { parties: [code] }, function (d) { return d.timeline; }, 500)]).then(function (results) {
      var p = results[0].party;
      if (!p) { SG.show('Not found', [SG.none('No country or bloc has the code ' + code + '.')]); return; }
      var entries = results[1];
      var undated = entries.filter(function (e) { return !e.date; });
      var imposed = p.measuresImposed;
      var targeting = p.measuresTargeting;
      var extra = [];
      SG.partySections.forEach(function (section) { extra = extra.concat(section(p)); });
      SG.show(p.name + (p.code ? ' (' + p.code + ')' : ''), [
        SG.el('p', { class: 'muted' }, [p.kind.toLowerCase(),
          p.aliases.length ? ' · also ' + p.aliases.map(function (a) { return a.value; }).join(', ') : null]),
        p.description ? SG.el('p', { class: 'lead', text: p.description }) : null,
        SG.el('ul', { class: 'stats', 'aria-label': 'Totals' }, [
          stat(imposed.totalCount, 'measures imposed'), stat(targeting.totalCount, 'measures aimed at ' + p.name),
          stat(entries.length, 'timeline entries')])
      ].concat(extra, [
        SG.section('Timeline', [SG.timelineChart(p.name, entries),
          undated.length ? SG.el('div', { class: 'undated', id: 'undated' }, [
            SG.el('h3', { text: 'Without a known date (' + undated.length + ')' }), SG.timelineList(undated, 'undated-list')]) : null,
          entries.length ? SG.el('details', { class: 'as-list' }, [SG.el('summary', { text: 'The timeline as a list' }),
            SG.timelineList(entries, 'timeline-list')]) : null],
        'timeline'),
        SG.section('Memberships', [memberships(p.memberships.nodes)], 'memberships'),
        SG.section('Measures imposed (' + imposed.totalCount + ')', [SG.measureTable(imposed.nodes, 'targets'), more(imposed)], 'imposed'),
        SG.section('Measures aimed at ' + p.name + ' (' + targeting.totalCount + ')',
          [SG.measureTable(targeting.nodes, 'imposers'), more(targeting)], 'targeting')
      ]));
    }).catch(SG.failed);
  };

  function stat(number, text) {
    return SG.el('li', { class: 'stat' }, [SG.el('strong', { text: String(number) }), SG.el('span', { text: text })]);
  }

  function more(connection) {
    return connection.totalCount > connection.nodes.length
      ? SG.none('The latest ' + connection.nodes.length + ' are shown; the console at /graphiql pages through all of them.') : null;
  }

  function memberships(list) {
    if (!list.length) { return SG.none('No memberships recorded.'); }
    return SG.el('div', { class: 'cards' }, list.map(function (m) {
      return SG.el('div', { class: 'card' }, [
        SG.el('strong', {}, [SG.link(m.program)]),
        SG.el('div', { text: 'Status today: ' + (m.status ? m.status.toLowerCase() : 'not a member') }),
        SG.el('ul', {}, m.history.map(function (h) {
          return SG.el('li', {}, [h.status + ' from ' + SG.date(h.from),
            h.cause ? SG.el('span', {}, [' (', SG.link(h.cause), ')']) : null]);
        }))
      ]);
    }));
  }
})();
