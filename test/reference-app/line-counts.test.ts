/**
 * The "patterns document as one app" block of test/reference-app/README.md is the output of projenrc/count-lines.ts,
 * and the plain aws-cdk-lib version it is compared with is real code: it synthesizes, and creates
 * every resource type the construct version creates.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { REFERENCE_ENV } from './app';
import { buildPlainPatternsDocument } from './plain-patterns-document';
import { buildPatternsDocument } from './stacks/patterns-document';
import { patternsDocumentCounts, readmePatternsDocument, renderPatternsDocument } from '../../projenrc/count-lines';
import { DeploymentStage } from '../../src';

function resourceTypes(build: (stack: Stack) => void): Set<string> {
  const stack = new Stack(new App(), 'Stack', { env: REFERENCE_ENV });
  build(stack);
  return new Set(Object.values(Template.fromStack(stack).toJSON().Resources).map((r: any) => r.Type));
}

test('the reference app page shows the construct calls and the counts projenrc/count-lines.ts gives (npx projen readme:counts)', () => {
  expect(readmePatternsDocument()).toEqual(renderPatternsDocument());
});

test('the construct calls are far fewer lines and statements than the plain aws-cdk-lib code', () => {
  const { library, plain } = patternsDocumentCounts();
  expect(library.lines).toBeGreaterThan(0);
  expect(library.statements).toBeGreaterThan(0);
  expect(plain.lines).toBeGreaterThan(library.lines * 3);
  expect(plain.statements).toBeGreaterThan(library.statements * 2);
});

test('the plain aws-cdk-lib version synthesizes and creates every resource type the constructs create', () => {
  const library = resourceTypes((stack) => buildPatternsDocument(stack, DeploymentStage.PROD));
  const plain = resourceTypes(buildPlainPatternsDocument);
  expect([...library].filter((type) => !plain.has(type)).sort()).toEqual([]);
});
