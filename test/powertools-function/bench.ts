/**
 * Benchmark of the shipped orders-api handler, on this machine (not on AWS Lambda): bundle size,
 * module initialisation time in a fresh Node.js process (what a cold start adds before the first
 * invocation), the duration of the first and of warm invocations against moto's DynamoDB, and the
 * process's peak resident memory after them (the floor under `memorySize`, COST-1).
 *
 *   npx projen bundle:lambda && npx ts-node --project tsconfig.dev.json test/powertools-function/bench.ts
 *
 * Prints a table. Numbers depend on the machine; they are for comparing changes to the handler,
 * not a Lambda memory recommendation (use AWS Lambda Power Tuning for that, see src/powertools-function/README.md).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createOrdersTable } from './helpers';
import { handlerAssetPath } from '../../src/core/private/assets';
import { median } from '../benchmarks/stats';
import { MOTO_ENV, startMoto } from '../setup/moto';

const RUNS = 7;
const WARM_INVOCATIONS = 50;

/** Bytes of `index.mjs` and the chunks it imports statically (what a cold start reads), and of every file in the folder. */
function bundleBytes(dir: string): { start: number; all: number } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of fs.readFileSync(path.join(dir, file), 'utf-8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) visit(m[1]);
  };
  visit('index.mjs');
  const size = (files: string[]) => files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { start: size([...seen]), all: size(fs.readdirSync(dir)) };
}

async function main(): Promise<void> {
  const bundle = path.join(handlerAssetPath('orders-api'), 'index.mjs');
  const moto = await startMoto();
  try {
    await createOrdersTable(moto.clientConfig, 'orders');
    const script = `
      const t0 = process.hrtime.bigint();
      (async () => {
      const { handler } = await import(${JSON.stringify(bundle)});
      const t1 = process.hrtime.bigint();
        const call = (i) => handler({ rawPath: '/orders', body: JSON.stringify({ orderId: 'o' + i }), requestContext: { requestId: 'r' + i } });
        const c0 = process.hrtime.bigint(); await call(0); const c1 = process.hrtime.bigint();
        const warm = [];
        for (let i = 1; i <= ${WARM_INVOCATIONS}; i++) { const w0 = process.hrtime.bigint(); await call(i); warm.push(Number(process.hrtime.bigint() - w0) / 1e6); }
        warm.sort((a, b) => a - b);
        process.stderr.write('BENCH ' + JSON.stringify({ init: Number(t1 - t0) / 1e6, first: Number(c1 - c0) / 1e6, warm: warm[Math.floor(warm.length / 2)], maxRssKiB: process.resourceUsage().maxRSS }) + '\\n');
      })();`;
    const env = {
      PATH: process.env.PATH ?? '',
      ...MOTO_ENV,
      AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      TABLE_NAME: 'orders',
      POWERTOOLS_SERVICE_NAME: 'orders',
      POWERTOOLS_METRICS_NAMESPACE: 'orders',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_TRACE_ENABLED: 'false',
    };
    const samples: Array<{ init: number; first: number; warm: number; maxRssKiB: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      // async, not spawnSync: moto's output pipe must keep draining while the child runs
      const stderr = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--no-warnings', '-e', script], { env });
        let err = '';
        child.stderr.on('data', (d) => (err += String(d)));
        child.on('close', () => resolve(err));
      });
      const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
      if (!line) {
        throw new Error(`benchmark run failed:\n${stderr}`);
      }
      samples.push(JSON.parse(line.slice('BENCH '.length)));
    }
    const rows: Array<[string, string]> = [
      ['bundle size read at start (assets/lambda/orders-api/index.mjs and its static chunks)', `${(bundleBytes(path.dirname(bundle)).start / 1024).toFixed(1)} KiB`],
      ['bundle size, all files (the SDK credential chain and other lazy chunks included)', `${(bundleBytes(path.dirname(bundle)).all / 1024).toFixed(1)} KiB`],
      [`module init, fresh process (median of ${RUNS})`, `${median(samples.map((s) => s.init)).toFixed(1)} ms`],
      [`first invocation (median of ${RUNS})`, `${median(samples.map((s) => s.first)).toFixed(1)} ms`],
      [`warm invocation (median of ${WARM_INVOCATIONS}, median of ${RUNS} runs)`, `${median(samples.map((s) => s.warm)).toFixed(1)} ms`],
      [`peak resident memory of the process (max of ${RUNS})`, `${(Math.max(...samples.map((s) => s.maxRssKiB)) / 1024).toFixed(1)} MiB`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`| ${'measure'.padEnd(width)} | value |`);
    console.log(`|${'-'.repeat(width + 2)}|-------|`);
    for (const [k, v] of rows) {
      console.log(`| ${k.padEnd(width)} | ${v} |`);
    }
    console.log(`node ${process.version}, ${process.arch}; DynamoDB = moto on loopback; tracing off`);
  } finally {
    await moto.stop();
  }
}

void main();
