// The landing page: the state of the world at a glance. Totals, the latest measures, measures by
// the year they started and who imposed them, who imposes most and which countries are targeted
// most, and a search.
(function () {
  'use strict';

  var SG = window.SG;

  var TOTALS = 'query Totals { all: measures(first: 0) { totalCount } '
    + 'sanctions: measures(first: 0, filter: { kind: SANCTION }) { totalCount } '
    + 'countermeasures: measures(first: 0, filter: { kind: COUNTERMEASURE }) { totalCount } '
    + 'latest: measures(first: 20, order: DESC) { nodes { id __typename title imposers { code name } '
    + SG.TARGETS + ' ' + SG.MEASURE_DATES + ' } } }';

  var PARTIES = 'query Parties($after: String) { parties(first: 100, after: $after) { pageInfo { hasNextPage endCursor } '
    + 'nodes { code name kind imposed: measuresImposed(first: 0) { totalCount } targeted: measuresTargeting(first: 0) { totalCount } } } }';

  var MEASURES = 'query Measures($after: String) { measures(first: 100, after: $after) { pageInfo { hasNextPage endCursor } '
    + 'nodes { startDate imposers { code name } } } }';

  /** Measures the by-year chart reads at most (ten pages). */
  var YEAR_SAMPLE = 1000;

  SG.home = function () {
    SG.loading();
    Promise.all([SG.query(TOTALS), SG.queryAll(PARTIES, {}, function (d) { return d.parties; }, 1000),
      SG.queryAll(MEASURES, {}, function (d) { return d.measures; }, YEAR_SAMPLE)]).then(function (results) {
      var totals = results[0];
      var parties = results[1];
      var imposers = parties.filter(function (p) { return p.imposed.totalCount; })
        .sort(function (a, b) { return b.imposed.totalCount - a.imposed.totalCount; });
      var targeted = parties.filter(function (p) { return p.kind === 'COUNTRY' && p.targeted.totalCount; })
        .sort(function (a, b) { return b.targeted.totalCount - a.targeted.totalCount; });
      SG.show('Sanctions and the answers to them', [
        searchBox(),
        SG.el('ul', { class: 'stats', 'aria-label': 'Totals' }, [
          stat(totals.all.totalCount, 'measures recorded'),
          stat(totals.sanctions.totalCount, 'sanctions'),
          stat(totals.countermeasures.totalCount, 'countermeasures'),
          stat(imposers.length, 'countries and blocs imposing'),
          stat(targeted.length, 'countries targeted')]),
        SG.el('div', { class: 'columns' }, [
          SG.section('Latest measures', [latest(totals.latest.nodes)], 'latest'),
          SG.el('div', {}, [
            SG.section('Who imposes the most', [bars(imposers.slice(0, 8), 'imposed', 'measures imposed')], 'imposers'),
            SG.section('Countries targeted most', [bars(targeted.slice(0, 8), 'targeted', 'measures aimed at it')], 'targeted'),
            SG.section('Measures by the year they started', byYear(results[2], totals.all.totalCount), 'by-year')])])
      ], 'Who sanctions whom, since when, and how the targets answer: from the public GraphQL API.');
    }).catch(SG.failed);
  };

  function searchBox() {
    var input = SG.el('input', { id: 'home-search', type: 'search', name: 'q', required: 'required',
      placeholder: 'A person, company, country or programme' });
    var form = SG.el('form', { class: 'hero-search', role: 'search', 'aria-label': 'Search every name' }, [
      SG.el('label', { for: 'home-search', text: 'Search by name, in any spelling or script' }),
      SG.el('div', { class: 'hero-row' }, [input, SG.el('button', { type: 'submit', text: 'Search' })]),
      SG.el('p', { class: 'try' }, ['Try ', SG.el('a', { href: '#/search/Lukashenko', text: 'Lukashenko' }), ', ',
        SG.el('a', { href: '#/search/' + encodeURIComponent('Лукашэнка'), text: 'Лукашэнка' }), ', ',
        SG.el('a', { href: '#/search/Ryanair', text: 'Ryanair' }), ' or the timeline of ',
        SG.el('a', { href: '#/party/BY', text: 'Belarus' }), '.'])]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (input.value.trim()) { location.hash = '#/search/' + encodeURIComponent(input.value.trim()); }
    });
    return form;
  }

  function stat(number, text) {
    return SG.el('li', { class: 'stat' }, [SG.el('strong', { text: String(number) }), SG.el('span', { text: text })]);
  }

  function latest(measures) {
    var dated = measures.filter(function (m) { return SG.start(m); }).slice(0, 8);
    if (!dated.length) { return SG.none(); }
    return SG.el('ol', { class: 'latest', id: 'latest-measures' }, dated.map(function (m) {
      return SG.el('li', { class: 'card' }, [
        SG.el('div', { class: 'card-top' }, [SG.kind(m.__typename), SG.el('span', { class: 'when', text: SG.date(SG.start(m)) })]),
        SG.el('div', { class: 'card-title' }, [SG.link(m)]),
        SG.el('div', { class: 'muted' }, [SG.links(m.imposers), ' → ', SG.targets(m)])]);
    }));
  }

  /** A ranked list with a bar for each count, scaled to the largest. */
  function bars(parties, field, unit) {
    if (!parties.length) { return SG.none(); }
    var most = parties[0][field].totalCount;
    return SG.el('ol', { class: 'bars' }, parties.map(function (p) {
      var count = p[field].totalCount;
      var bar = SG.el('span', { class: 'bar' });
      bar.style.width = Math.max(4, Math.round(100 * count / most)) + '%';
      return SG.el('li', {}, [SG.el('span', { class: 'bar-label' }, [SG.link(p)]),
        SG.el('span', { class: 'bar-track' }, [bar]),
        SG.el('span', { class: 'bar-count', text: String(count), title: count + ' ' + unit })]);
    }));
  }

  /** Measures per start year, stacked by the five biggest imposers (the rest as one). */
  function byYear(measures, total) {
    var dated = measures.filter(function (m) { return m.startDate; });
    if (!dated.length) { return [SG.none()]; }
    var counts = {};
    dated.forEach(function (m) { m.imposers.forEach(function (p) { counts[p.name] = (counts[p.name] || 0) + 1; }); });
    var top = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).slice(0, 5);
    var years = [];
    var first = parseInt(dated[0].startDate.slice(0, 4), 10);
    var last = parseInt(dated[dated.length - 1].startDate.slice(0, 4), 10);
    for (var y = first; y <= last; y++) { years.push(String(y)); }
    var names = top.concat(Object.keys(counts).length > top.length ? ['Others'] : []);
    var table = {};
    names.forEach(function (n) { table[n] = years.map(function () { return 0; }); });
    dated.forEach(function (m) {
      var column = years.indexOf(m.startDate.slice(0, 4));
      var seen = {};
      m.imposers.forEach(function (p) {
        var name = top.indexOf(p.name) >= 0 ? p.name : 'Others';
        if (!seen[name]) { table[name][column]++; seen[name] = true; }
      });
    });
    var undated = measures.length - dated.length;
    var note = SG.el('p', { class: 'muted', text: 'Each measure counts once for each of its imposers, in the year it entered into force '
      + '(or was listed or announced).' + (undated === 1 ? ' One measure without a known date is left out.' : undated ? ' ' + undated + ' measures without a known date are left out.' : '')
      + (total > measures.length ? ' Drawn from the first ' + measures.length + ' of ' + total + ' measures.' : '') });
    var chart = SG.chart('year-chart', 'Bar chart of measures by start year from ' + first + ' to ' + last + ', stacked by imposer: '
      + names.join(', ') + '.', 280, {
      animation: false,
      color: ['#1d4f91', '#b10e1e', '#6b3fa0', '#00703c', '#b35900', '#6f777b'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: years, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: names.map(function (n) { return { name: n, type: 'bar', stack: 'measures', data: table[n], barMaxWidth: 36 }; })
    });
    var numbers = SG.el('details', { class: 'as-list' }, [SG.el('summary', { text: 'The numbers' }),
      SG.table(['Year'].concat(names), years.map(function (year, column) {
        return [year].concat(names.map(function (n) { return String(table[n][column]); }));
      }), { id: 'by-year-table' })]);
    return [chart, note, numbers];
  }
})();
