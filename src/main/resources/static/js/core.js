// The front-end's shared parts: a small GraphQL client over fetch, dates shown as far as they are
// known, and DOM helpers. Every page script adds itself to the one global, SG.
(function () {
  'use strict';

  var SG = window.SG = window.SG || {};

  // --- the GraphQL client: one POST per query; errors become one Error with every message ------
  // Which page is on screen: the router moves it on at every address change, and an answer
  // that arrives for a page already left is dropped (never settles), so a slow page cannot
  // draw over the one that replaced it.
  SG.visit = 0;

  SG.query = function (document, variables) {
    var visit = SG.visit;
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document, variables: variables || {} })
    }).then(function (response) {
      return response.json().catch(function () {
        throw new Error('The API answered ' + response.status + ' without a JSON body.');
      });
    }).then(function (result) {
      if (result.errors && result.errors.length) {
        throw new Error(result.errors.map(function (e) { return e.message; }).join('; '));
      }
      return result.data;
    }).then(function (data) {
      return visit === SG.visit ? data : new Promise(function () {});
    }, function (error) {
      if (visit === SG.visit) { throw error; }
      return new Promise(function () {});
    });
  };

  // Follows a connection page by page (100 at a time) up to `max` items.
  SG.queryAll = function (document, variables, pick, max) {
    var all = [];
    function page(after) {
      var vars = Object.assign({}, variables, { after: after });
      return SG.query(document, vars).then(function (data) {
        var connection = pick(data);
        connection.nodes.forEach(function (node) { all.push(node); });
        return connection.pageInfo.hasNextPage && all.length < max ? page(connection.pageInfo.endCursor) : all;
      });
    }
    return page(null);
  };

  // --- dates: a FuzzyDate {value, precision} as a reader says it ------------------------------
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

  /** "28 June 2021", "June 2021" or "2021", as far as the date is known; null for none. */
  SG.date = function (fuzzy) {
    if (!fuzzy || !fuzzy.value) { return null; }
    var parts = fuzzy.value.split('-');
    if (parts.length === 1) { return parts[0]; }
    var month = MONTHS[parseInt(parts[1], 10) - 1];
    if (parts.length === 2) { return month + ' ' + parts[0]; }
    return parseInt(parts[2], 10) + ' ' + month + ' ' + parts[0];
  };

  /** A measure's start: when it entered into force, else was listed, else announced. */
  SG.start = function (measure) {
    return measure.inForce || measure.listed || measure.announced || null;
  };

  /** "since 28 June 2021", "2 October 2020 – 2022" or "date unknown". */
  SG.period = function (start, end) {
    var from = SG.date(start);
    var to = SG.date(end);
    if (!from) { return to ? 'until ' + to : 'date unknown'; }
    return to ? from + ' – ' + to : 'since ' + from;
  };

  /** The GraphQL selection that SG.start and SG.period read. */
  SG.MEASURE_DATES = 'announced { value precision earliest } listed { value precision earliest } '
    + 'inForce { value precision earliest } ended { value precision latest }';

  // --- DOM -------------------------------------------------------------------------------------
  SG.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; } else if (attrs[key] !== null && attrs[key] !== undefined) {
        node.setAttribute(key, attrs[key]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  };

  var content = function () { return document.getElementById('content'); };

  SG.loading = function () {
    content().replaceChildren(SG.el('p', { class: 'muted loading', text: 'Loading…' }));
  };

  SG.show = function (title, nodes, subtitle) {
    var head = [SG.el('h1', { text: title })];
    if (subtitle) { head.push(SG.el('p', { class: 'subtitle', text: subtitle })); }
    content().replaceChildren.apply(content(), head.concat(nodes.filter(function (n) { return n; })));
    document.title = title + ' · sanctions-graph';
  };

  SG.failed = function (error) {
    SG.show('Something went wrong', [SG.el('p', { class: 'notice', text: error.message })]);
  };

  SG.section = function (title, nodes, id) {
    return SG.el('section', { class: 'block', id: id, 'aria-label': title },
      [SG.el('h2', { text: title })].concat(nodes));
  };

  SG.none = function (text) {
    return SG.el('p', { class: 'muted', text: text || 'None recorded.' });
  };

  SG.kind = function (typename) {
    var label = { Event: 'Event', Sanction: 'Sanction', Countermeasure: 'Countermeasure', Person: 'Person',
      Organization: 'Organisation', Party: 'Country or bloc', Program: 'Programme' }[typename] || typename;
    return SG.el('span', { class: 'kind ' + typename, text: label });
  };

  /** A link to a record's page: parties by code, everything else by global id. */
  SG.link = function (record) {
    if (!record) { return document.createTextNode('—'); }
    if (record.code && (!record.__typename || /^(Party|Country|Bloc|Group)$/.test(record.__typename))) {
      return SG.el('a', { href: '#/party/' + record.code, text: record.name });
    }
    if (!record.id) { return document.createTextNode(record.name || record.title || '—'); }
    return SG.el('a', { href: '#/record/' + encodeURIComponent(record.id), text: record.name || record.title });
  };

  /** Links to several records, comma separated. */
  SG.links = function (records) {
    var span = SG.el('span');
    records.forEach(function (record, index) {
      if (index) { span.appendChild(document.createTextNode(', ')); }
      span.appendChild(SG.link(record));
    });
    return span;
  };

  /**
   * A table that becomes one card per row on a narrow screen: each cell carries its column's name
   * (data-label), which the phone layout shows before the value.
   */
  SG.table = function (columns, rows, attrs) {
    return SG.el('table', Object.assign({ class: 'responsive' }, attrs || {}), [
      SG.el('thead', {}, [SG.el('tr', {}, columns.map(function (c) { return SG.el('th', { scope: 'col', text: c }); }))]),
      SG.el('tbody', {}, rows.map(function (cells) {
        return SG.el('tr', {}, cells.map(function (cell, index) {
          return SG.el('td', { 'data-label': columns[index] }, [cell]);
        }));
      }))
    ]);
  };

  /** What a measure is aimed at, as links where the target is a record. */
  SG.targets = function (measure) {
    return SG.links(measure.targets.map(function (t) {
      return t.party || t.person || t.organization || { name: t.description };
    }));
  };

  /** The GraphQL selection that SG.targets reads. */
  SG.TARGETS = 'targets { kind description party { id code name } person { id name } organization { id name } }';

  /** Measures as a responsive table: kind, title, the other side, and when they applied. */
  SG.measureTable = function (measures, other) {
    if (!measures.length) { return SG.none(); }
    return SG.table(['Kind', 'Measure', other === 'imposers' ? 'Imposed by' : 'Aimed at', 'In force'],
      measures.map(function (m) {
        return [SG.kind(m.__typename), SG.link(m), other === 'imposers' ? SG.links(m.imposers) : SG.targets(m),
          SG.period(SG.start(m), m.ended)];
      }));
  };
})();
