// The front-end's router: one page per address after the '#', drawn by the page scripts in js/
// from the public GraphQL API only.
(function () {
  'use strict';

  var SG = window.SG;

  var SEARCH = [
    'query Search($q: String!) {',
    '  search(query: $q, first: 20) { totalCount nodes { matchedName reason record { __typename',
    '    ... on Person { id name } ... on Organization { id name } ... on Party { id code name } ... on Program { id name } } } }',
    '}'].join('\n');

  function search(text) {
    SG.loading();
    document.getElementById('search-input').value = text;
    SG.query(SEARCH, { q: text }).then(function (data) {
      var hits = data.search.nodes;
      SG.show('Results for “' + text + '”', [
        SG.el('p', { class: 'muted', text: data.search.totalCount + ' found' }),
        SG.el('ol', { class: 'hits', id: 'search-results' }, hits.map(function (hit) {
          return SG.el('li', {}, [SG.link(hit.record), ' ', SG.kind(hit.record.__typename), ' ',
            SG.el('span', { class: 'reason', text: hit.reason.toLowerCase() + ' match on “' + hit.matchedName + '”' })]);
        }))
      ]);
    }).catch(SG.failed);
  }

  function route() {
    var hash = location.hash.replace(/^#\/?/, '');
    var parts = hash.split('/');
    var rest = decodeURIComponent(parts.slice(1).join('/'));
    SG.visit++;
    if (SG.leaving) { SG.leaving(); }
    if ((parts[0] === 'party' || parts[0] === 'country') && rest) { SG.party(rest); }
    else if (parts[0] === 'search' && rest) { search(rest); }
    else if (parts[0] === 'record' && rest) { SG.record(rest); }
    else { SG.home(); }
    document.getElementById('content').focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = document.getElementById('search-input').value.trim();
    if (text) { location.hash = '#/search/' + encodeURIComponent(text); }
  });
  window.addEventListener('hashchange', route);
  route();
})();
