/**
 * Handler bundles, measured as a cold start would see them (issue #15). Prints the Markdown table
 * of test/benchmarks/README.md's handler part:
 *
 * - every shipped handler, built with the options `npx projen bundle:lambda` uses
 *   (projenrc/bundle-lambda.ts `bundleOptions`), and the same sources built as before issue #15's fix (one
 *   file, the SDK's whole credential chain bundled);
 * - floors: one SDK client alone (what a handler cannot go below), Powertools alone, and the
 *   handler with Powertools left to the layer (`@aws-lambda-powertools/*` external, loaded
 *   unbundled from a `node_modules` beside the bundle, as the layer's /opt/nodejs/node_modules is);
 * - for each: size (what a cold start reads, and every file of the bundle), a fresh Node.js process
 *   that loads it, in alternation (A B A B ...) with one that loads an empty handler of the same
 *   format, wall time median (min–max) and the ratio, the same ratio in CPU time (user + system of
 *   the child: less disturbed by other jobs on a shared machine), and the first invocation after
 *   the load against moto's DynamoDB, S3 and EventBridge on loopback (module init and first call,
 *   timed inside the child).
 *
 *   npx projen bundle:lambda && npx ts-node --project tsconfig.dev.json test/benchmarks/handlers.ts   (BENCH_RUNS=10)
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { build, BuildOptions, Metafile } from 'esbuild';
import { median, range } from './stats';
import { bundleOptions, HANDLER_TARGET, handlerNames, loadedAtStart } from '../../projenrc/bundle-lambda';
import { createOrdersTable } from '../powertools-function/helpers';
import { printTable } from '../reference-app/print-table';
import { MOTO_ENV, startMoto } from '../setup/moto';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 10);

/** The first invocation of each shipped handler: one call that reaches its service (presign: signs a PUT URL). */
const FIRST_EVENT: Record<string, unknown> = {
  'orders-api': { rawPath: '/orders', body: JSON.stringify({ orderId: 'bench' }), requestContext: { requestId: 'r1' } },
  'orders-table': { action: 'createUser', userId: 'bench-USER', email: 'a@example.com' },
  'presign': { requestContext: { authorizer: { jwt: { claims: { sub: 'alice' } } } }, body: JSON.stringify({ action: 'upload', key: 'a.png', contentType: 'image/png' }) },
  'order-events': { 'id': 'e1', 'detail-type': 'OrderCreated', 'source': 'com.example.orders', 'detail': { orderId: 'o1' } },
};

/** Tiny handlers for the floors, built with the shipped options. */
const FLOORS: Record<string, string> = {
  'empty handler': 'export const handler = async () => ({ statusCode: 200 });\n',
  'DynamoDB client alone': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = new DynamoDBClient({});\nexport const handler = async () => ({ statusCode: 200 });\n",
  'S3 client alone': "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = new S3Client({});\nexport const handler = async () => ({ statusCode: 200 });\n",
  'Powertools alone (logger, tracer, metrics)': "export { logger, metrics, tracer } from '" + path.join(root, 'lambda', 'shared', 'powertools') + "';\nexport const handler = async () => ({ statusCode: 200 });\n",
};

interface Bundle {
  readonly label: string;
  readonly file: string;
  /** Bytes of the files a cold start reads. */
  readonly startBytes: number;
  /** Bytes of every file of the bundle. */
  readonly allBytes: number;
  /** The handler's name when it is invoked after the load. */
  readonly invoke?: string;
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly init?: number;
  readonly first?: number;
}

async function bundle(label: string, entry: string, outdir: string, options: Partial<BuildOptions> = {}, invoke?: string): Promise<Bundle> {
  const { metafile } = await build({ ...bundleOptions(entry, outdir), ...options, metafile: true });
  const m = metafile as Metafile;
  const bytes = (files: string[]) => files.reduce((n, f) => n + m.outputs[f].bytes, 0);
  return { label, file: path.join(outdir, 'index.mjs'), startBytes: bytes(loadedAtStart(m, outdir)), allBytes: bytes(Object.keys(m.outputs)), invoke };
}

/** A fresh `node` that imports `file` (and invokes it once with `event`): wall time from spawn to exit, and what the child timed. */
function run(file: string, env: NodeJS.ProcessEnv, event?: unknown): Promise<Sample> {
  const invoke = event === undefined ? '' : `const c0=process.hrtime.bigint();await m.handler(${JSON.stringify(event)});r.first=Number(process.hrtime.bigint()-c0)/1e6;`;
  const script = `const t0=process.hrtime.bigint();import(${JSON.stringify(file)}).then(async(m)=>{const r={init:Number(process.hrtime.bigint()-t0)/1e6};${invoke}` +
    "const u=process.cpuUsage();r.cpu=(u.user+u.system)/1000;process.stderr.write('BENCH '+JSON.stringify(r)+'\\n');})";
  const t0 = process.hrtime.bigint();
  // async, not spawnSync: moto's output pipe must keep draining while the child runs
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', '-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const line = err.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) {
        reject(new Error(`loading ${file} failed (${code}):\n${err}`));
        return;
      }
      resolve({ ...JSON.parse(line.slice('BENCH '.length)), wall });
    });
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (v: number[]) => `${median(v).toFixed(0)} ms (${range(v, 0)})`;
const ratio = (v: number[]) => `${median(v).toFixed(2)}× (${range(v, 2)})`;

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handlers-'));
  const moto = await startMoto();
  try {
    await createOrdersTable(moto.clientConfig, 'orders');
    const s3 = new S3Client(moto.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    s3.destroy();
    /**
     * What PowertoolsFunction writes, so Powertools initialises as it does on Lambda; credentials as
     * Lambda gives them. On top of this shell's environment (as before issue #15's fix, so the
     * numbers compare), or of nothing but PATH with BENCH_CLEAN_ENV=1 (then no NODE_EXTRA_CA_CERTS:
     * the empty process starts faster and every ratio is larger).
     */
    const env: NodeJS.ProcessEnv = {
      ...(process.env.BENCH_CLEAN_ENV ? { PATH: process.env.PATH ?? '' } : process.env),
      ...MOTO_ENV,
      AWS_SESSION_TOKEN: 'testing',
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      POWERTOOLS_SERVICE_NAME: 'bench',
      POWERTOOLS_METRICS_NAMESPACE: 'Bench',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_TRACE_ENABLED: 'false',
      TABLE_NAME: 'orders',
      BUCKET_NAME: 'uploads',
      EVENT_BUS_NAME: 'default',
    };

    const bundles: Bundle[] = [];
    for (const [label, source] of Object.entries(FLOORS)) {
      const dir = path.join(work, label.replace(/\W+/g, '-'));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'entry.ts'), source);
      bundles.push(await bundle(label, path.join(dir, 'entry.ts'), path.join(dir, 'out'), { nodePaths: [path.join(root, 'node_modules')] }));
    }
    const empty = bundles.shift()!;
    for (const name of handlerNames()) {
      const entry = path.join(root, 'lambda', name, 'index.ts');
      bundles.push(await bundle(`${name} (shipped)`, entry, path.join(work, name, 'shipped'), {}, name));
      // before issue #15's fix: one file, the SDK's whole default credential chain in it
      bundles.push(await bundle(`${name} (one file, SDK credential chain)`, entry, path.join(work, name, 'one-file'), { splitting: false, plugins: [] }, name));
    }
    // LAM-6: Powertools from the layer, for the handler with the most Powertools use per byte
    const layerDir = path.join(work, 'orders-api', 'layer');
    bundles.push(await bundle('orders-api (Powertools from the layer)', path.join(root, 'lambda', 'orders-api', 'index.ts'), layerDir,
      { external: ['@aws-lambda-powertools/*'] }, 'orders-api'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(layerDir, 'node_modules'), 'dir');

    const rows: string[][] = [];
    for (const b of bundles) {
      await run(empty.file, env);
      await run(b.file, env); // warm the file cache
      const wall: number[] = [];
      const base: number[] = [];
      const wallRatio: number[] = [];
      const cpuRatio: number[] = [];
      for (let i = 0; i < runs; i++) {
        const e = await run(empty.file, env);
        const s = await run(b.file, env);
        wall.push(s.wall); base.push(e.wall); wallRatio.push(s.wall / e.wall); cpuRatio.push(s.cpu / e.cpu);
      }
      const init: number[] = [];
      const first: number[] = [];
      if (b.invoke) {
        for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
          const s = await run(b.file, env, FIRST_EVENT[b.invoke]);
          init.push(s.init!); first.push(s.first!);
        }
      }
      rows.push([
        b.label,
        b.startBytes === b.allBytes ? kib(b.startBytes) : `${kib(b.startBytes)} (all files ${kib(b.allBytes)})`,
        ms(wall), `${median(base).toFixed(0)} ms`, ratio(wallRatio), ratio(cpuRatio),
        b.invoke ? `${median(init).toFixed(0)} ms + ${median(first).toFixed(0)} ms` : '—',
      ]);
    }
    console.log(`\nHandler cold load, fresh Node.js ${process.version} process (${os.arch()}, ${os.cpus().length} cores, load average ` +
      `${os.loadavg()[0].toFixed(1)}), target ${HANDLER_TARGET}, ${runs} alternating runs, ` +
      `${process.env.BENCH_CLEAN_ENV ? 'clean environment' : `this shell's environment${process.env.NODE_EXTRA_CA_CERTS ? ' (with NODE_EXTRA_CA_CERTS)' : ''}`}\n`);
    printTable(['bundle', 'size read at start', 'load median (min–max)', 'empty handler', 'ratio median (min–max)', 'CPU-time ratio', 'module init + first invocation'], rows);
    console.log();
  } finally {
    await moto.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
