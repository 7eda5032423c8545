// The front-end: a small page over the public GraphQL API only. Requests go through GraphiQL's
// toolkit client (createFetcher), served by the app from its WebJar like everything else here.
(function () {
  'use strict';

  var fetcher = GraphiQL.createFetcher({ url: '/graphql', enableIncrementalDelivery: false });
  var content = document.getElementById('content');
  var SVG = 'http://www.w3.org/2000/svg';

  function query(document, variables) {
    return Promise.resolve(fetcher({ query: document, variables: variables || {} })).then(function (result) {
      if (result.errors && result.errors.length) {
        throw new Error(result.errors.map(function (e) { return e.message; }).join('; '));
      }
      return result.data;
    });
  }

  // --- tiny DOM helpers ---------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function show(title, nodes) {
    content.replaceChildren.apply(content, [el('h1', { text: title })].concat(nodes));
    document.title = title + ' · sanctions-graph';
  }

  function failed(error) {
    show('Something went wrong', [el('p', { text: error.message })]);
  }

  function recordLink(record) {
    if (!record) { return document.createTextNode('—'); }
    // a party's __typename is its concrete type: Country, Bloc or Group
    if (['Country', 'Bloc', 'Group'].indexOf(record.__typename) >= 0 && record.code) {
      return el('a', { href: '#/party/' + record.code, text: record.name });
    }
    return el('a', { href: '#/record/' + encodeURIComponent(record.id), text: record.name || record.title });
  }

  // --- home: pick a country or bloc ----------------------------------------------------------
  function home() {
    show('Sanctions and the answers to them', [
      el('p', { class: 'muted', text: 'Pick a country or bloc to see its measures, memberships and the timeline of events, sanctions and countermeasures around it.' }),
      el('p', {}, [el('a', { href: '#/party/BY', text: 'Belarus' }), ' · ',
        el('a', { href: '#/party/EU', text: 'European Union' }), ' · ',
        el('a', { href: '#/party/RU', text: 'Russia' })]),
      picker()
    ]);
  }

  function picker() {
    var select = el('select', { id: 'party-select' }, [el('option', { value: '', text: 'Choose…' })]);
    var form = el('form', { class: 'picker' }, [el('label', { for: 'party-select', text: 'Country or bloc' }), select,
      el('button', { type: 'submit', text: 'Show' })]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (select.value) { location.hash = '#/party/' + select.value; }
    });
    loadParties(null, []).then(function (parties) {
      parties.forEach(function (party) {
        select.appendChild(el('option', { value: party.code, text: party.name + ' (' + party.code + ')' }));
      });
    });
    return form;
  }

  function loadParties(after, all) {
    return query('query Parties($after: String) { parties(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code name } } } }',
      { after: after }).then(function (data) {
      data.parties.edges.forEach(function (edge) { if (edge.node.code) { all.push(edge.node); } });
      return data.parties.pageInfo.hasNextPage ? loadParties(data.parties.pageInfo.endCursor, all) : all;
    });
  }

  // --- a party's page --------------------------------------------------------------------------
  var PARTY = [
    'query Party($code: String!) {',
    '  party(code: $code) {',
    '    id code name kind description aliases { value lang }',
    '    memberships(first: 50) { edges { node { id program { id name } status history { status from { value } cause { id title } } } } }',
    '    measuresImposed(first: 20, order: DESC) { totalCount edges { node { id __typename title startDate endDate targets { kind description party { id code name } } } } }',
    '    measuresTargeting(first: 20, order: DESC) { totalCount edges { node { id __typename title startDate endDate imposers { id code name } } } }',
    '  }',
    '}'].join('\n');

  var TIMELINE = [
    'query Timeline($parties: [String!]!, $after: String) {',
    '  timeline(parties: $parties, first: 100, after: $after) {',
    '    pageInfo { hasNextPage endCursor }',
    '    edges { node { date when { value } linksTo item { __typename',
    '      ... on Event { id name } ... on Sanction { id title } ... on Countermeasure { id title } } } }',
    '  }',
    '}'].join('\n');

  function party(code) {
    content.textContent = 'Loading…';
    Promise.all([query(PARTY, { code: code }), loadTimeline(code, null, [])]).then(function (results) {
      var p = results[0].party;
      var entries = results[1];
      show(p.name + ' (' + p.code + ')', [
        el('p', { class: 'muted', text: p.kind.toLowerCase() + (p.aliases.length ? ' · also ' + p.aliases.map(function (a) { return a.value; }).join(', ') : '') }),
        p.description ? el('p', { text: p.description }) : null,
        el('h2', { text: 'Timeline' }),
        timelineChart(p.name, entries),
        timelineList(entries),
        el('h2', { text: 'Memberships' }),
        memberships(p.memberships.edges.map(function (e) { return e.node; })),
        el('h2', { text: 'Measures imposed (' + p.measuresImposed.totalCount + ')' }),
        measureTable(p.measuresImposed.edges.map(function (e) { return e.node; }), 'targets'),
        el('h2', { text: 'Measures aimed at ' + p.name + ' (' + p.measuresTargeting.totalCount + ')' }),
        measureTable(p.measuresTargeting.edges.map(function (e) { return e.node; }), 'imposers')
      ]);
    }).catch(failed);
  }

  function loadTimeline(code, after, all) {
    return query(TIMELINE, { parties: [code], after: after }).then(function (data) {
      data.timeline.edges.forEach(function (edge) { all.push(edge.node); });
      return data.timeline.pageInfo.hasNextPage && all.length < 300
        ? loadTimeline(code, data.timeline.pageInfo.endCursor, all) : all;
    });
  }

  function memberships(list) {
    if (!list.length) { return el('p', { class: 'muted', text: 'No memberships recorded.' }); }
    return el('div', { class: 'cards' }, list.map(function (m) {
      return el('div', { class: 'card' }, [
        el('strong', { text: m.program.name }),
        el('div', { text: 'Status today: ' + (m.status || 'not a member') }),
        el('ul', {}, m.history.map(function (h) {
          return el('li', {}, [h.status + ' from ' + h.from.value,
            h.cause ? el('span', {}, [' (', recordLink(h.cause), ')']) : null]);
        }))
      ]);
    }));
  }

  function measureTable(measures, other) {
    if (!measures.length) { return el('p', { class: 'muted', text: 'None recorded.' }); }
    var rows = measures.map(function (m) {
      var parties = other === 'imposers'
        ? m.imposers.map(function (i) { return i.name; }).join(', ')
        : m.targets.map(function (t) { return t.party ? t.party.name : t.description; }).join(', ');
      return el('tr', {}, [
        el('td', {}, [el('span', { class: 'kind ' + m.__typename, text: m.__typename })]),
        el('td', {}, [recordLink(m)]),
        el('td', { text: parties }),
        el('td', { text: (m.startDate || 'date unknown') + (m.endDate ? ' – ' + m.endDate : '') })
      ]);
    });
    return el('table', {}, [el('thead', {}, [el('tr', {}, [el('th', { text: 'Kind' }), el('th', { text: 'Measure' }),
      el('th', { text: other === 'imposers' ? 'Imposed by' : 'Aimed at' }), el('th', { text: 'In force' })])]),
      el('tbody', {}, rows)]);
  }

  // --- the timeline chart: one lane each for events, sanctions and countermeasures; a line from
  // each entry to what it follows from ---------------------------------------------------------
  var LANES = { Event: 0, Sanction: 1, Countermeasure: 2 };

  function timelineChart(name, entries) {
    var dated = entries.filter(function (e) { return e.date; });
    var figure = el('figure', { class: 'chart' });
    if (!dated.length) { figure.appendChild(el('p', { class: 'muted', text: 'No dated entries.' })); return figure; }
    var width = Math.max(720, dated.length * 46);
    var left = 130, right = 30, top = 30, lane = 70;
    var height = top + lane * 3 + 30;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-labelledby': 'chart-title' });
    var title = svg('title', { id: 'chart-title' });
    title.textContent = 'Timeline of events, sanctions and countermeasures involving ' + name;
    chart.appendChild(title);
    var defs = svg('defs');
    var marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#6f777b' }));
    defs.appendChild(marker);
    chart.appendChild(defs);
    Object.keys(LANES).forEach(function (kind) {
      var y = top + LANES[kind] * lane + lane / 2;
      var label = svg('text', { x: 8, y: y + 4, class: 'lane-label' });
      label.textContent = kind === 'Event' ? 'Events' : kind === 'Sanction' ? 'Sanctions' : 'Countermeasures';
      chart.appendChild(label);
      chart.appendChild(svg('line', { x1: left - 10, x2: width - right, y1: y, y2: y, stroke: '#eef0f2' }));
    });
    // entries are spaced evenly in time order (the chain matters more than the gaps between its
    // steps); each shows its number in the list below, and the year where a new one begins
    var positions = {};
    var step = (width - left - right) / Math.max(dated.length - 1, 1);
    var lastYear = null;
    dated.forEach(function (entry, index) {
      var x = left + index * step;
      var y = top + LANES[entry.item.__typename] * lane + lane / 2;
      positions[entry.item.id] = { x: x, y: y, number: entries.indexOf(entry) + 1 };
      var year = entry.date.slice(0, 4);
      if (year !== lastYear) {
        var tick = svg('text', { x: x, y: height - 8, class: 'axis', 'text-anchor': 'middle' });
        tick.textContent = year;
        chart.appendChild(tick);
        lastYear = year;
      }
    });
    var links = svg('g', { class: 'links' });
    dated.forEach(function (entry) {
      var to = positions[entry.item.id];
      entry.linksTo.forEach(function (id) {
        var from = positions[id];
        if (from) {
          links.appendChild(svg('line', { class: 'link', 'data-from': id, 'data-to': entry.item.id,
            x1: from.x, y1: from.y, x2: to.x, y2: to.y, 'marker-end': 'url(#arrow)' }));
        }
      });
    });
    chart.appendChild(links);
    dated.forEach(function (entry) {
      var p = positions[entry.item.id];
      var label = entry.item.name || entry.item.title;
      var group = svg('g', { class: 'entry ' + entry.item.__typename, 'data-id': entry.item.id, tabindex: 0,
        role: 'link', 'aria-label': entry.date + ': ' + label });
      var tip = svg('title');
      tip.textContent = (entry.when ? entry.when.value : entry.date) + ' · ' + label;
      group.appendChild(tip);
      group.appendChild(svg('circle', { cx: p.x, cy: p.y, r: 8 }));
      var number = svg('text', { x: p.x, y: p.y - 12, class: 'label', 'text-anchor': 'middle' });
      number.textContent = p.number;
      group.appendChild(number);
      group.addEventListener('click', function () { location.hash = '#/record/' + encodeURIComponent(entry.item.id); });
      group.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { location.hash = '#/record/' + encodeURIComponent(entry.item.id); }
      });
      chart.appendChild(group);
    });
    figure.appendChild(chart);
    figure.appendChild(el('figcaption', { class: 'muted', text: 'Entries in time order, numbered as in the list below; lines run from a measure or event to what answers it or follows from it.' }));
    return figure;
  }

  function timelineList(entries) {
    var names = {};
    entries.forEach(function (e) { names[e.item.id] = e.item.name || e.item.title; });
    return el('ol', { class: 'chain', id: 'timeline-list' }, entries.map(function (entry) {
      var follows = entry.linksTo.filter(function (id) { return names[id]; }).map(function (id) { return names[id]; });
      return el('li', { 'data-id': entry.item.id }, [
        el('span', { class: 'kind ' + entry.item.__typename, text: entry.item.__typename }), ' ',
        (entry.when ? entry.when.value : 'date unknown') + ' · ',
        el('a', { href: '#/record/' + encodeURIComponent(entry.item.id), text: entry.item.name || entry.item.title }),
        follows.length ? el('span', { class: 'muted', text: ' — follows from: ' + follows.join('; ') }) : null
      ]);
    }));
  }

  // --- search and records ----------------------------------------------------------------------
  var SEARCH = [
    'query Search($q: String!) {',
    '  search(query: $q, first: 20) { totalCount edges { node { matchedName reason record { __typename',
    '    ... on Person { id name } ... on Organization { id name } ... on Party { id code name } ... on Program { id name } } } } }',
    '}'].join('\n');

  function search(text) {
    document.getElementById('search-input').value = text;
    query(SEARCH, { q: text }).then(function (data) {
      var hits = data.search.edges.map(function (e) { return e.node; });
      show('Results for “' + text + '”', [
        el('p', { class: 'muted', text: data.search.totalCount + ' found' }),
        el('ol', { class: 'hits', id: 'search-results' }, hits.map(function (hit) {
          return el('li', {}, [recordLink(hit.record), ' ',
            el('span', { class: 'kind ' + hit.record.__typename, text: hit.record.__typename }), ' ',
            el('span', { class: 'reason', text: hit.reason.toLowerCase() + ' match on “' + hit.matchedName + '”' })]);
        }))
      ]);
    }).catch(failed);
  }

  var RECORD = [
    'query Record($id: ID!) {',
    '  node(id: $id) { __typename',
    '    ... on Person { name aliases { value lang } nationalities { code name } positions { title country { code name } note }',
    '      description measures(first: 50) { edges { node { id __typename title startDate endDate imposers { id code name } } } }',
    '      citations { quote source { title } } }',
    '    ... on Organization { name aliases { value lang } country { code name } description',
    '      measures(first: 50) { edges { node { id __typename title startDate endDate imposers { id code name } } } } citations { quote source { title } } }',
    '    ... on Measure { title description reason legalBasis startDate endDate measureTypes imposers { id code name }',
    '      targets { kind description party { id code name } } respondsTo { id title } responses(first: 50) { edges { node { id title } } }',
    '      triggeredBy { id name } citations { quote source { title } } }',
    '    ... on Event { name description date { value } location parties { id code name } measures(first: 50) { edges { node { id title } } }',
    '      citations { quote source { title } } }',
    '  }',
    '}'].join('\n');

  function record(id) {
    query(RECORD, { id: id }).then(function (data) {
      var r = data.node;
      if (!r) { show('Not found', [el('p', { text: 'No record has this id.' })]); return; }
      var parts = [el('p', { class: 'muted', text: r.__typename })];
      if (r.description) { parts.push(el('p', { text: r.description })); }
      if (r.aliases && r.aliases.length) {
        parts.push(el('h2', { text: 'Also written' }));
        parts.push(el('ul', {}, r.aliases.map(function (a) { return el('li', { text: a.value + (a.lang ? ' (' + a.lang + ')' : '') }); })));
      }
      if (r.positions && r.positions.length) {
        parts.push(el('h2', { text: 'Positions' }));
        parts.push(el('ul', {}, r.positions.map(function (p) { return el('li', { text: p.title + (p.note ? ' — ' + p.note : '') }); })));
      }
      if (r.reason) { parts.push(el('p', {}, [el('strong', { text: 'Reason: ' }), r.reason])); }
      if (r.respondsTo && r.respondsTo.length) {
        parts.push(el('h2', { text: 'Answers' }));
        parts.push(el('ul', {}, r.respondsTo.map(function (m) { return el('li', {}, [recordLink(m)]); })));
      }
      if (r.responses && r.responses.edges.length) {
        parts.push(el('h2', { text: 'Answered by' }));
        parts.push(el('ul', {}, r.responses.edges.map(function (e) { return el('li', {}, [recordLink(e.node)]); })));
      }
      if (r.triggeredBy && r.triggeredBy.length) {
        parts.push(el('h2', { text: 'Triggered by' }));
        parts.push(el('ul', {}, r.triggeredBy.map(function (e) { return el('li', {}, [recordLink(e)]); })));
      }
      if (r.measures) {
        parts.push(el('h2', { text: r.__typename === 'Event' ? 'Measures it triggered' : 'Measures naming them' }));
        parts.push(r.measures.edges.length ? el('ul', {}, r.measures.edges.map(function (e) { return el('li', {}, [recordLink(e.node)]); }))
          : el('p', { class: 'muted', text: 'None recorded.' }));
      }
      if (r.citations && r.citations.length) {
        parts.push(el('h2', { text: 'Sources' }));
        parts.push(el('ul', {}, r.citations.map(function (c) {
          return el('li', {}, [c.quote ? '“' + c.quote + '” — ' : '', c.source.title]);
        })));
      }
      show(r.name || r.title, parts);
    }).catch(failed);
  }

  // --- routing ---------------------------------------------------------------------------------
  function route() {
    var hash = location.hash.replace(/^#\/?/, '');
    var parts = hash.split('/');
    if (parts[0] === 'party' && parts[1]) { party(decodeURIComponent(parts[1])); }
    else if (parts[0] === 'search' && parts[1]) { search(decodeURIComponent(parts.slice(1).join('/'))); }
    else if (parts[0] === 'record' && parts[1]) { record(decodeURIComponent(parts[1])); }
    else { home(); }
    content.focus();
  }

  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = document.getElementById('search-input').value.trim();
    if (text) { location.hash = '#/search/' + encodeURIComponent(text); }
  });
  window.addEventListener('hashchange', route);
  route();
})();
