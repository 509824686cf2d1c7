import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { ORDERS_MODEL } from './model';
import { SingleTable } from '../../src';

// the construct's page, src/single-table/README.md
const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'single-table', 'README.md'), 'utf8');

test('[DDB-1] the page\'s rendered model is exactly what renderMarkdown() gives for the document\'s model', () => {
  const match = /<!-- single-table:model:start -->\n([\s\S]*?)<!-- single-table:model:end -->/.exec(readme);
  expect(match).not.toBeNull();
  const rendered = new SingleTable(new Stack(new App(), 'S'), 'Orders', ORDERS_MODEL).renderMarkdown();
  expect(match![1]).toBe(rendered);
});

test('[DDB-1] the page\'s model snippet declares every entity, template and pattern of the tested model', () => {
  const snippet = readme.slice(readme.indexOf("new patterns.SingleTable(this, 'Orders'"), readme.indexOf('renderMarkdown()'));
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
