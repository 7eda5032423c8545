// The console: GraphiQL from the app's own WebJars, with an optional API key from this tab's
// session storage sent as the Authorization header.
(function () {
  'use strict';
  var KEY = 'sanctions-graph-api-key';
  var input = document.getElementById('api-key');
  input.value = sessionStorage.getItem(KEY) || '';
  input.addEventListener('input', function () {
    if (input.value) {
      sessionStorage.setItem(KEY, input.value);
    } else {
      sessionStorage.removeItem(KEY);
    }
  });
  document.getElementById('forget-key').addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    input.value = '';
  });

  var send = GraphiQL.createFetcher({ url: '/graphql' });
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    var key = sessionStorage.getItem(KEY);
    if (key) {
      headers.Authorization = 'Bearer ' + key;
    }
    return send(params, Object.assign({}, options, { headers: headers }));
  }

  var countermeasures = [
    '# Belarus\'s countermeasures, and the measures they answer',
    'query BelarusCountermeasures {',
    '  party(code: "BY") {',
    '    name',
    '    measuresImposed(filter: { kind: COUNTERMEASURE }) {',
    '      edges {',
    '        node {',
    '          title',
    '          announced { value precision }',
    '          respondsTo { title imposers { name } }',
    '        }',
    '      }',
    '    }',
    '  }',
    '}'
  ].join('\n');
  var whoAndWhy = [
    '# Who sanctioned Belarus, and why',
    'query WhoSanctionedBelarus {',
    '  party(code: "BY") {',
    '    measuresTargeting(filter: { kind: SANCTION }) {',
    '      edges {',
    '        node {',
    '          title',
    '          imposers { name }',
    '          reason',
    '          triggeredBy { name date { value } }',
    '          citations { quote source { title } }',
    '        }',
    '      }',
    '    }',
    '  }',
    '}'
  ].join('\n');
  var inForce = [
    '# What applied to Belarus on a day',
    'query InForce($day: Date!) {',
    '  measures(filter: { inForceOn: $day, targetCountry: ["BY"] }) {',
    '    totalCount',
    '    edges { node { __typename title startDate imposers { code } } }',
    '  }',
    '}'
  ].join('\n');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: countermeasures,
      defaultTabs: [
        { query: countermeasures },
        { query: whoAndWhy },
        { query: inForce, variables: '{ "day": "2021-07-01" }' }
      ],
      defaultEditorToolsVisibility: true
    })
  );
})();
