import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { ORDERS_MODEL } from './model';
import { SingleTable } from '../../src';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const start = readme.indexOf('### SingleTable');
const nextSection = readme.indexOf('\n### ', start + 1);
const section = readme.slice(start, nextSection >= 0 ? nextSection : readme.indexOf('\n## ', start));

test('[DDB-1] the README\'s rendered model is exactly what renderMarkdown() gives for the document\'s model', () => {
  const match = /<!-- single-table:model:start -->\n([\s\S]*?)<!-- single-table:model:end -->/.exec(readme);
  expect(match).not.toBeNull();
  const rendered = new SingleTable(new Stack(new App(), 'S'), 'Orders', ORDERS_MODEL).renderMarkdown();
  expect(match![1]).toBe(rendered);
});

test('[DDB-1] the README\'s model snippet declares every entity, template and pattern of the tested model', () => {
  const snippet = section.slice(section.indexOf("new patterns.SingleTable(this, 'Orders'"), section.indexOf('renderMarkdown()'));
  const expected = [
    ...ORDERS_MODEL.globalIndexes!.map((i) => `indexName: '${i.indexName}'`),
    ...ORDERS_MODEL.entities!.flatMap((e) => [`name: '${e.name}'`, `partitionKey: '${e.partitionKey}'`, `sortKey: '${e.sortKey}'`]),
    ...ORDERS_MODEL.accessPatterns!.map((p) => (p.name.includes("'") ? `name: "${p.name}"` : `name: '${p.name}'`)),
  ];
  for (const text of expected) {
    expect(snippet).toContain(text);
  }
  expect(snippet.match(/name: /g)).toHaveLength(ORDERS_MODEL.entities!.length + ORDERS_MODEL.accessPatterns!.length + 2); // + GSI1PK, GSI1SK attributes
});
