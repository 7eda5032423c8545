// The page of one record found by its global id: a person, an organisation, a measure, an event
// or a programme, each with what the API tells about it and links onward.
(function () {
  'use strict';

  var SG = window.SG;

  var MEASURE_ROW = 'id __typename title imposers { id code name } ' + SG.MEASURE_DATES;
  var CITATIONS = 'citations { quote note source { title } }';

  var RECORD = [
    'query Record($id: ID!) {',
    '  node(id: $id) { __typename id',
    '    ... on Person { name aliases { value lang } birthDate { value precision } nationalities { code name }',
    '      patronymic birthPlace gender citizenships { code name }',
    '      positions { title country { code name } organization { id name } start { value precision } end { value precision } note }',
    '      description measures(first: 50) { nodes { ' + MEASURE_ROW + ' } } ' + CITATIONS + ' }',
    '    ... on Organization { name orgKind: kind aliases { value lang } country { code name } description',
    '      measures(first: 50) { nodes { ' + MEASURE_ROW + ' } } ' + CITATIONS + ' }',
    '    ... on Measure { title description reason legalBasis measureTypes imposers { id code name } ' + SG.TARGETS,
    '      program { id name } ' + SG.MEASURE_DATES + ' endReason',
    '      respondsTo { id __typename title } responses(first: 50) { nodes { id __typename title } }',
    '      triggeredBy { id name date { value precision } } ' + CITATIONS + ' }',
    '    ... on Event { name eventKind: kind description date { value precision } endDate { value precision } location',
    '      parties { id code name } people { id name } organizations { id name } concerns { id title }',
    '      measures(first: 50) { nodes { ' + MEASURE_ROW + ' } } ' + CITATIONS + ' }',
    '    ... on Program { name programKind: kind description established { value precision } administrators { id code name }',
    '      memberships(first: 50) { nodes { member { id code name } status } } measures(first: 50) { nodes { ' + MEASURE_ROW + ' } }',
    '      ' + CITATIONS + ' }',
    '  }',
    '}'].join('\n');

  /** Extra sections for a type's page, by GraphQL type name: functions of (record) giving nodes. */
  SG.recordSections = SG.recordSections || {};

  SG.record = function (id) {
    SG.loading();
    SG.query(RECORD, { id: id }).then(function (data) {
      var r = data.node;
      if (!r) { SG.show('Not found', [SG.none('No record has this id.')]); return; }
      var parts = (PAGES[r.__typename] || PAGES.Measure)(r);
      (SG.recordSections[r.__typename] || []).forEach(function (section) { parts = parts.concat(section(r)); });
      parts.push(citations(r.citations));
      SG.show(r.name || r.title, [SG.el('p', { class: 'muted' }, [SG.kind(r.__typename)])].concat(parts));
    }).catch(SG.failed);
  };

  function facts(rows) {
    var list = SG.el('dl', { class: 'facts' });
    rows.forEach(function (row) {
      if (row[1] !== null && row[1] !== undefined && row[1] !== '') {
        list.appendChild(SG.el('dt', { text: row[0] }));
        list.appendChild(SG.el('dd', {}, [row[1]]));
      }
    });
    return list;
  }

  /** An enum value in words: TRAVEL_BAN as "travel ban". */
  function words(value) {
    return value ? value.toLowerCase().replace(/_/g, ' ') : null;
  }

  function aliases(r) {
    return r.aliases && r.aliases.length
      ? r.aliases.map(function (a) { return a.value + (a.lang ? ' (' + a.lang + ')' : ''); }).join(' · ') : null;
  }

  function measures(title, connection, other) {
    return SG.section(title, [SG.measureTable(connection.nodes, other || 'imposers')], 'measures');
  }

  function citations(list) {
    if (!list || !list.length) { return null; }
    return SG.section('Sources', [SG.el('ul', { class: 'sources' }, list.map(function (c) {
      return SG.el('li', {}, [c.quote ? SG.el('q', { text: c.quote }) : null, c.quote ? ' — ' : null, c.source.title,
        c.note ? SG.el('span', { class: 'muted', text: ' (' + c.note + ')' }) : null]);
    }))], 'sources');
  }

  var PAGES = {
    Person: function (r) {
      return [
        r.description ? SG.el('p', { class: 'lead', text: r.description }) : null,
        facts([['Also written', aliases(r)], ['Patronymic', r.patronymic],
          ['Born', [SG.date(r.birthDate), r.birthPlace].filter(function (x) { return x; }).join(', ')],
          ['Gender', words(r.gender)], ['Nationality', r.nationalities.length ? SG.links(r.nationalities) : null],
          ['Citizenship', r.citizenships.length ? SG.links(r.citizenships) : null]]),
        SG.section('Positions', [r.positions.length ? SG.el('ul', {}, r.positions.map(function (p) {
          var where = [p.organization, p.country].filter(function (x) { return x; });
          return SG.el('li', {}, [p.title, where.length ? SG.el('span', {}, [' (', SG.links(where), ')']) : null,
            p.start || p.end ? ', ' + SG.period(p.start, p.end) : null, p.note ? ' — ' + p.note : null]);
        })) : SG.none()], 'positions'),
        measures('Measures naming them', r.measures)];
    },
    Organization: function (r) {
      return [
        r.description ? SG.el('p', { class: 'lead', text: r.description }) : null,
        facts([['Kind', words(r.orgKind)], ['Also written', aliases(r)],
          ['Country', r.country ? SG.link(r.country) : null]]),
        measures('Measures naming it', r.measures)];
    },
    Measure: function (r) {
      return [
        r.description ? SG.el('p', { class: 'lead', text: r.description }) : null,
        facts([['In force', SG.period(SG.start(r), r.ended)], ['Announced', SG.date(r.announced)], ['Listed', SG.date(r.listed)],
          ['Ended because', r.endReason], ['Imposed by', SG.links(r.imposers)], ['Aimed at', SG.targets(r)],
          ['What it does', r.measureTypes.map(words).join(', ')],
          ['Programme', r.program ? SG.link(r.program) : null], ['Reason', r.reason], ['Legal basis', r.legalBasis]]),
        r.triggeredBy.length ? SG.section('Triggered by', [SG.el('ul', {}, r.triggeredBy.map(function (e) {
          return SG.el('li', {}, [SG.link(e), e.date ? ' (' + SG.date(e.date) + ')' : null]);
        }))], 'triggered-by') : null,
        r.respondsTo.length ? SG.section('Answers', [SG.el('ul', {}, r.respondsTo.map(function (m) {
          return SG.el('li', {}, [SG.kind(m.__typename), ' ', SG.link(m)]);
        }))], 'answers') : null,
        SG.section('Answered by', [r.responses.nodes.length ? SG.el('ul', {}, r.responses.nodes.map(function (m) {
          return SG.el('li', {}, [SG.kind(m.__typename), ' ', SG.link(m)]);
        })) : SG.none('No countermeasure recorded.')], 'answered-by')];
    },
    Event: function (r) {
      return [
        r.description ? SG.el('p', { class: 'lead', text: r.description }) : null,
        facts([['When', r.endDate ? SG.period(r.date, r.endDate) : SG.date(r.date) || 'date unknown'], ['Where', r.location],
          ['Parties', r.parties.length ? SG.links(r.parties) : null], ['People', r.people.length ? SG.links(r.people) : null],
          ['Organisations', r.organizations.length ? SG.links(r.organizations) : null],
          ['About', r.concerns.length ? SG.links(r.concerns) : null]]),
        measures('Measures it triggered', r.measures)];
    },
    Program: function (r) {
      return [
        r.description ? SG.el('p', { class: 'lead', text: r.description }) : null,
        facts([['Kind', words(r.programKind)], ['Established', SG.date(r.established)],
          ['Run by', r.administrators.length ? SG.links(r.administrators) : null]]),
        SG.section('Members', [r.memberships.nodes.length ? SG.el('ul', {}, r.memberships.nodes.map(function (m) {
          return SG.el('li', {}, [SG.link(m.member), ' — ', m.status ? m.status.toLowerCase() : 'not a member today']);
        })) : SG.none()], 'members'),
        measures('Measures under it', r.measures)];
    }
  };
})();
