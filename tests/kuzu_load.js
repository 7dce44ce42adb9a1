// Loads a `claimgraph export --format csv` directory into an in-memory Kuzu
// database by running its kuzu_load.cypher, then prints one JSON object:
//   {"nodes": {Table: n}, "rels": {TYPE: n}, "claims_per_speaker": {id: n}}
// claims_per_speaker counts (speaker)-[:SAID]->(:Claim) per speaker id.
//
//   node tests/kuzu_load.js CSV_DIR [EXTRA_CYPHER]   (NODE_PATH must reach kuzu)
// Exits 1 with the failing statement when Kuzu rejects one.
'use strict';
const fs = require('fs');
const path = require('path');
const kuzu = require('kuzu');

async function main() {
  const dir = path.resolve(process.argv[2]);
  process.chdir(dir);  // the script names its files relative to its directory
  const db = new kuzu.Database(':memory:');
  const conn = new kuzu.Connection(db);
  const script = fs.readFileSync('kuzu_load.cypher', 'utf8');
  const statements = script.split('\n')
    .filter((line) => !line.startsWith('//') && line.trim() !== '')
    .join('\n').split(/;\s*\n/).map((s) => s.trim().replace(/;$/, '')).filter((s) => s);
  const tables = { node: [], rel: [] };
  for (const stmt of statements) {
    try {
      await conn.query(stmt);
    } catch (e) {
      console.error(`kuzu_load.js: ${dir}/kuzu_load.cypher: Kuzu rejected:\n  ${stmt}\n  ${e.message}`);
      process.exit(1);
    }
    const m = stmt.match(/^CREATE (NODE|REL) TABLE `([^`]+)`/);
    if (m) tables[m[1] === 'NODE' ? 'node' : 'rel'].push(m[2]);
  }
  const out = { nodes: {}, rels: {}, claims_per_speaker: {} };
  for (const t of tables.node) {
    const rows = await (await conn.query(`MATCH (n:\`${t}\`) RETURN count(n) AS n`)).getAll();
    out.nodes[t] = Number(rows[0].n);
  }
  for (const t of tables.rel) {
    const rows = await (await conn.query(`MATCH ()-[r:\`${t}\`]->() RETURN count(r) AS n`)).getAll();
    out.rels[t] = Number(rows[0].n);
  }
  if (tables.rel.includes('SAID')) {
    const rows = await (await conn.query(
      'MATCH (s)-[:SAID]->(c:Claim) RETURN s.id AS speaker, count(c) AS claims')).getAll();
    for (const r of rows) out.claims_per_speaker[r.speaker] = Number(r.claims);
  }
  if (process.argv[3]) {
    out.extra = await (await conn.query(process.argv[3])).getAll();
  }
  console.log(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

main().catch((e) => {
  console.error(`kuzu_load.js: ${e.stack || e}`);
  process.exit(1);
});
