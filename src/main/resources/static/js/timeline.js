// The time-scaled timeline: Apache ECharts (served by the app from its WebJar, loaded only by the
// pages that draw a chart) with one lane each for events, sanctions and countermeasures. Each
// entry spans its dates (an open-ended measure runs to today), the x-axis zooms with the wheel or
// a pinch and pans by dragging or with the slider, and a curve runs from each measure or event to
// what answers or follows from it. Undated entries are listed apart.
(function () {
  'use strict';

  var SG = window.SG;
  var ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
  var loading = null;

  /** Loads ECharts once, on the first page that needs it. */
  SG.echarts = function () {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = ECHARTS;
        script.onload = function () { resolve(window.echarts); };
        script.onerror = function () { reject(new Error('The chart library did not load.')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  };

  var charts = [];

  /**
   * Draws an ECharts chart in a new element, resized with the window; `onClick` (optional) hears
   * clicks on its items. Returns the element.
   */
  SG.chart = function (className, label, height, option, onClick) {
    var box = SG.el('div', { class: className, role: 'img', 'aria-label': label });
    box.style.height = height + 'px';
    SG.echarts().then(function (echarts) {
      var chart = echarts.init(box, null, { renderer: 'canvas' });
      chart.setOption(option);
      charts.push(chart);
      if (onClick) { chart.on('click', onClick); }
    }).catch(function (error) { box.replaceChildren(SG.none(error.message)); });
    return box;
  };

  window.addEventListener('resize', function () {
    charts = charts.filter(function (chart) { return !chart.isDisposed() && document.body.contains(chart.getDom()); });
    charts.forEach(function (chart) { chart.resize(); });
  });

  var LANES = [
    { type: 'Event', name: 'Events', color: '#005ea5' },
    { type: 'Sanction', name: 'Sanctions', color: '#b10e1e' },
    { type: 'Countermeasure', name: 'Countermeasures', color: '#6b3fa0' }];
  var DAY = 86400000;

  function time(day) { return Date.parse(day + 'T00:00:00Z'); }

  function label(item) { return item.name || item.title; }

  /** Start and end of an entry in ms: its own end, else a point (events) or today (measures). */
  function span(entry, today) {
    var start = time(entry.date);
    var end = entry.item.endDate ? time(entry.item.endDate.latest)
      : entry.item.ended ? time(entry.item.ended.latest)
        : entry.item.__typename === 'Event' ? start : Math.max(today, start);
    return { start: start, end: end, open: entry.item.__typename !== 'Event' && !entry.item.ended };
  }

  /**
   * Rows inside each lane so that no two entries overlap: an entry takes the first row whose last
   * entry ended (with room for its label) before it starts.
   */
  function pack(dated, today, labelSpan) {
    var rows = [];
    var names = [];
    LANES.forEach(function (lane) {
      var ends = [];
      var first = rows.length;
      dated.filter(function (e) { return e.item.__typename === lane.type; }).forEach(function (entry) {
        var s = span(entry, today);
        var row = ends.findIndex(function (end) { return end < s.start; });
        if (row < 0) { row = ends.length; ends.push(0); }
        ends[row] = Math.max(s.end, s.start + labelSpan);
        entry.row = first + row;
        entry.span = s;
      });
      for (var i = 0; i < Math.max(ends.length, 1); i++) { rows.push(lane); names.push(i === 0 ? lane.name : ''); }
    });
    return { lanes: rows, names: names };
  }

  function renderEntry(params, api) {
    var start = api.coord([api.value(0), api.value(2)]);
    var end = api.coord([api.value(1), api.value(2)]);
    var height = api.size([0, 1])[1] * 0.7;
    var color = api.visual('color');
    var box = params.coordSys;
    var point = api.value(0) === api.value(1);
    var children = [];
    var width = Math.max(end[0] - start[0], 0);
    if (point) {
      children.push({ type: 'polygon', shape: { points: [[start[0], start[1] - height / 2], [start[0] + height / 2, start[1]],
        [start[0], start[1] + height / 2], [start[0] - height / 2, start[1]]] }, style: { fill: color } });
    } else {
      children.push({ type: 'rect', shape: { x: start[0], y: start[1] - height / 2, width: Math.max(width, 3), height: height, r: 3 },
        style: { fill: color, opacity: api.value(4) ? 0.75 : 1 } });
    }
    var textX = point ? start[0] + height / 2 + 4 : Math.max(start[0], box.x) + 4;
    var room = point ? Math.min(180, box.x + box.width - textX) : Math.min(width - 8, box.x + box.width - textX);
    if (room > 36) {
      children.push({ type: 'text', style: { x: textX, y: start[1], text: api.value(3), width: room, overflow: 'truncate',
        verticalAlign: 'middle', fill: point ? '#1b1b1b' : '#ffffff', fontSize: 11 } });
    }
    return { type: 'group', children: children,
      clipPath: { type: 'rect', shape: { x: box.x, y: box.y, width: box.width, height: box.height } } };
  }

  function renderLink(params, api) {
    var from = api.coord([api.value(0), api.value(1)]);
    var to = api.coord([api.value(2), api.value(3)]);
    var box = params.coordSys;
    var bend = Math.max(Math.abs(to[0] - from[0]) / 2, 12);
    var answer = api.value(4) === 1;
    var color = answer ? '#3b3b3b' : '#8a8f94';
    return { type: 'group', clipPath: { type: 'rect', shape: { x: box.x, y: box.y, width: box.width, height: box.height } },
      children: [
        { type: 'bezierCurve', shape: { x1: from[0], y1: from[1], x2: to[0], y2: to[1], cpx1: from[0] + bend, cpy1: from[1],
          cpx2: to[0] - bend, cpy2: to[1] }, style: { stroke: color, lineWidth: answer ? 1.6 : 1, lineDash: answer ? null : [4, 3], fill: null } },
        { type: 'polygon', shape: { points: [[to[0], to[1]], [to[0] - 7, to[1] - 4], [to[0] - 7, to[1] + 4]] }, style: { fill: color } }] };
  }

  /**
   * The span shown first: where most entries are (from the tenth in ten of their starts, so a lone
   * early one does not squeeze the rest into a corner) to a little after the last start; the slider
   * and zoom reach the rest.
   */
  function initialView(dated, first, last) {
    var starts = dated.map(function (e) { return time(e.date); }).sort(function (a, b) { return a - b; });
    var from = starts[Math.floor(starts.length / 10)];
    var to = starts[starts.length - 1];
    var margin = Math.max((to - from) / 12, 30 * DAY);
    return { start: Math.max(first, from - margin), end: Math.min(Math.max(last, to), to + margin) };
  }

  /**
   * The timeline chart of a page's entries, the ones with a date; `entries` are the API's
   * TimelineEntry objects with the item's end (`ended` or `endDate`) selected.
   */
  SG.timelineChart = function (subject, entries) {
    var dated = entries.filter(function (e) { return e.date; });
    if (!dated.length) { return SG.none('No dated entries.'); }
    var today = Date.now();
    var first = time(dated[0].date);
    var last = Math.max.apply(null, dated.map(function (e) { return span(e, today).end; }));
    var width = Math.max(Math.min(document.getElementById('content').clientWidth, 1200), 300);
    var view = initialView(dated, first, last);
    var layout = pack(dated, today, (view.end - view.start + DAY) * 150 / width);
    var byId = {};
    dated.forEach(function (e) { byId[e.item.id] = e; });
    var data = dated.map(function (e) {
      return { id: e.item.id, value: [e.span.start, e.span.end, e.row, label(e.item), e.span.open ? 1 : 0],
        itemStyle: { color: layout.lanes[e.row].color }, entry: e };
    });
    var links = [];
    dated.forEach(function (entry) {
      entry.linksTo.forEach(function (id) {
        var from = byId[id];
        if (from) {
          var answers = entry.item.__typename === 'Countermeasure' && from.item.__typename !== 'Event';
          links.push({ from: id, to: entry.item.id, answers: answers,
            value: [from.span.start, from.row, entry.span.start, entry.row, answers ? 1 : 0] });
        }
      });
    });
    var height = 90 + layout.lanes.length * 26;
    var figure = SG.el('figure', { class: 'timeline' });
    var box = SG.chart('timeline-chart', 'Time-scaled chart of ' + dated.length + ' dated events, sanctions and countermeasures involving '
      + subject + '; the same entries are listed below.', height, {
      animation: false,
      grid: { left: 8, right: 16, top: 12, bottom: 64, containLabel: true },
      tooltip: { confine: true, formatter: function (p) {
        if (p.seriesIndex === 1) {
          return label(byId[p.data.to].item) + (p.data.answers ? ' answers ' : ' follows from ') + label(byId[p.data.from].item);
        }
        var e = p.data.entry;
        var end = e.item.ended || e.item.endDate;
        return '<strong>' + escapeHtml(label(e.item)) + '</strong><br>' + escapeHtml(e.item.__typename) + ' · '
          + escapeHtml(end ? SG.date(e.when) + ' – ' + SG.date(end) : e.span.open ? 'since ' + SG.date(e.when) : SG.date(e.when));
      } },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true }, splitLine: { show: true, lineStyle: { color: '#eef0f2' } } },
      yAxis: { type: 'category', data: layout.names, inverse: true, axisTick: { show: false },
        axisLabel: { interval: 0, color: '#4a4a4a' },
        splitLine: { show: true, interval: function (index, name) { return index > 0 && name !== ''; }, lineStyle: { color: '#c9ced6' } } },
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', startValue: view.start, endValue: view.end },
        { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 22, bottom: 10, labelFormatter: '',
          startValue: view.start, endValue: view.end }],
      series: [
        { type: 'custom', name: 'entries', renderItem: renderEntry, encode: { x: [0, 1], y: 2 }, data: data },
        { type: 'custom', name: 'links', renderItem: renderLink, encode: { x: [0, 2], y: [1, 3] }, data: links, z: 1 }]
    }, function (p) {
      if (p.seriesIndex === 0) { location.hash = '#/record/' + encodeURIComponent(p.data.id); }
    });
    box.id = 'timeline-chart';
    figure.appendChild(box);
    figure.appendChild(SG.el('figcaption', { class: 'muted', text: 'Scroll or pinch to zoom, drag or use the slider to pan (the slider covers every dated entry). '
      + 'Bars run from start to end (to today while in force); solid curves run from a measure to the countermeasure that answers it, '
      + 'dashed ones from an event or measure to what follows from it.' }));
    return figure;
  };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  /** The timeline as a list, in time order, with what each entry answers or follows from. */
  SG.timelineList = function (entries, id) {
    var byId = {};
    entries.forEach(function (e) { byId[e.item.id] = e.item; });
    return SG.el('ol', { class: 'chain', id: id }, entries.map(function (entry) {
      var linked = entry.linksTo.filter(function (id) { return byId[id]; }).map(function (id) { return byId[id]; });
      var answered = linked.filter(function (item) { return entry.item.__typename === 'Countermeasure' && item.__typename !== 'Event'; });
      var follows = linked.filter(function (item) { return answered.indexOf(item) < 0; });
      var end = entry.item.ended || entry.item.endDate;
      return SG.el('li', { 'data-id': entry.item.id }, [
        SG.kind(entry.item.__typename), ' ',
        SG.el('span', { class: 'when', text: entry.item.__typename === 'Event' && !end ? SG.date(entry.when) || 'date unknown'
          : SG.period(entry.when, end) }), ' ',
        SG.link(entry.item),
        answered.length ? SG.el('span', { class: 'muted' }, [' — answers ', SG.links(answered)]) : null,
        follows.length ? SG.el('span', { class: 'muted' }, [' — follows from ', SG.links(follows)]) : null
      ]);
    }));
  };
})();
