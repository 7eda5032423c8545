// The live strip on a country's page: measures imposed by the country or aimed at it, shown the
// moment they are recorded, amended or lifted. It listens to the API's measureChanged subscription
// over Server-Sent Events (a POST to /graphql with Accept: text/event-stream) through fetch, so no
// client library is needed; leaving the page closes the stream.
(function () {
  'use strict';

  var SG = window.SG;

  var SUBSCRIPTION = 'subscription Live { measureChanged { cursor operation at measure { id __typename title '
    + 'imposers { code name } targets { party { code } country { code } } ' + SG.MEASURE_DATES + ' } } }';

  var open = null;

  /** Closes the stream of the page being left. */
  SG.leaving = function () {
    if (open) { open.abort(); open = null; }
  };

  /** Reads a Server-Sent Events stream, handing each event's data to `next`. */
  function events(response, next) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function read() {
      return reader.read().then(function (chunk) {
        if (chunk.done) { return; }
        buffer += decoder.decode(chunk.value, { stream: true });
        var blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop();
        blocks.forEach(function (block) {
          var data = block.split(/\r?\n/).filter(function (line) { return line.indexOf('data:') === 0; })
            .map(function (line) { return line.slice(5).trim(); }).join('\n');
          if (data) { next(JSON.parse(data)); }
        });
        return read();
      });
    }
    return read();
  }

  function concerns(measure, code) {
    return measure.imposers.some(function (p) { return p.code === code; })
      || measure.targets.some(function (t) { return (t.party && t.party.code === code) || (t.country && t.country.code === code); });
  }

  function strip(party) {
    var list = SG.el('ol', { class: 'live-list', id: 'live-list' });
    var status = SG.el('p', { class: 'muted live-status', text: 'Connecting to the live feed…' });
    var section = SG.el('section', { class: 'block live', id: 'live', 'aria-label': 'Live' }, [
      SG.el('h2', {}, [SG.el('span', { class: 'live-dot', 'aria-hidden': 'true' }), 'Live']),
      SG.el('div', { role: 'status', 'aria-live': 'polite' }, [status, list])]);
    SG.leaving();
    var controller = new AbortController();
    open = controller;
    fetch('/graphql', { method: 'POST', signal: controller.signal,
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION }) }).then(function (response) {
      if (!response.ok) { throw new Error('The live feed answered ' + response.status + '.'); }
      // the server answers when it has the subscription, with its first heartbeat or change
      section.classList.add('listening');
      status.textContent = 'Listening for measures imposed by or aimed at ' + party.name + '…';
      return events(response, function (message) {
        if (message.errors) { throw new Error(message.errors.map(function (e) { return e.message; }).join('; ')); }
        var change = message.data && message.data.measureChanged;
        if (!change || !concerns(change.measure, party.code)) { return; }
        var m = change.measure;
        list.insertBefore(SG.el('li', { class: 'card' }, [
          SG.el('div', { class: 'card-top' }, [SG.kind(m.__typename),
            SG.el('span', { class: 'when', text: change.operation.toLowerCase() + ' ' + new Date(change.at).toLocaleTimeString() })]),
          SG.el('div', { class: 'card-title' }, [SG.link(m)]),
          SG.el('div', { class: 'muted' }, [SG.links(m.imposers), ' · ', SG.period(SG.start(m), m.ended)])]), list.firstChild);
        while (list.children.length > 5) { list.removeChild(list.lastChild); }
        status.textContent = 'New and changed measures about ' + party.name + ', as they are recorded:';
      });
    }).catch(function (error) {
      if (error.name !== 'AbortError') {
        section.classList.remove('listening');
        status.textContent = 'The live feed is not available: ' + error.message;
      }
    });
    return section;
  }

  SG.partySections.push(function (party) {
    return party.code ? [strip(party)] : [];
  });
})();
