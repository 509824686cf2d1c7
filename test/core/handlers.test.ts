import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PatternHandlers } from '../../src';

test.each([
  ['ordersApi', 'orders-api'],
  ['ordersTable', 'orders-table'],
  ['presign', 'presign'],
  ['orderEvents', 'order-events'],
])('PatternHandlers.%s() is the prebundled assets/lambda/%s folder', (method, folder) => {
  const stack = new Stack(new App(), 'S');
  const code = (PatternHandlers as any)[method]() as lambda.Code;
  const config = code.bind(stack);
  expect(config.s3Location).toBeDefined();
  const asset = (code as lambda.AssetCode).path;
  expect(asset).toBe(path.resolve(__dirname, '..', '..', 'assets', 'lambda', folder));
  expect(fs.existsSync(path.join(asset, 'index.mjs'))).toBe(true);
  expect(fs.readFileSync(path.join(asset, 'index.mjs'), 'utf-8')).toContain('handler');
  expect(PatternHandlers.HANDLER).toBe('index.handler');
});
