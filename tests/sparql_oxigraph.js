// Runs SPARQL queries over a JSON-LD export the way an offline consumer does:
// jsonld.js toRDF in safe mode with every remote document refused, the
// N-Quads loaded into an in-memory Oxigraph store. Prints one JSON object
// {"<query file>": [[value, ...], ...]} with every term as its string value
// ("" for unbound).
//
//   node tests/sparql_oxigraph.js OUT.jsonld QUERY.rq...   (NODE_PATH must reach jsonld, oxigraph)
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');
const oxigraph = require('oxigraph');

// The projected variables of a SELECT query, in order: "?x" and "(... AS ?x)".
function selectVariables(query) {
  const body = query.replace(/#.*$/gm, '');
  const clause = body.match(/SELECT\s+(?:DISTINCT\s+)?([\s\S]*?)\bWHERE\b/i)[1];
  const flat = clause.replace(/\((?:[^()]|\([^()]*\))*\bAS\s+\?(\w+)\s*\)/gi, '?$1');
  return [...flat.matchAll(/\?(\w+)/g)].map((m) => m[1]);
}

async function main() {
  const [input, ...queries] = process.argv.slice(2);
  const doc = JSON.parse(fs.readFileSync(input, 'utf8'));
  const documentLoader = async (url) => {
    throw new Error(`remote document refused (offline): ${url}`);
  };
  const nquads = await jsonld.toRDF(doc, {format: 'application/n-quads', safe: true, documentLoader});
  const store = new oxigraph.Store();
  store.load(nquads, {format: 'application/n-quads'});
  const out = {};
  for (const file of queries) {
    const text = fs.readFileSync(file, 'utf8');
    const names = selectVariables(text);
    const rows = [];
    for (const binding of store.query(text)) {
      // Oxigraph leaves unbound variables out of the Map: go by name.
      rows.push(names.map((name) => (binding.has(name) ? binding.get(name).value : '')));
    }
    out[path.basename(file)] = rows;
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(`sparql_oxigraph.js: ${e.message || e}`);
  process.exit(1);
});
