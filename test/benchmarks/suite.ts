/**
 * The unit suite's row of issue #15's table: `jest --ci` on a fresh cache (a new cache folder, as
 * a clean clone has), its wall time from spawn to exit and jest's own `Time:`, the test and file
 * counts, and the slowest files. Prints Markdown tables (never asserted in tests).
 *
 *   npx ts-node --project tsconfig.dev.json test/benchmarks/suite.ts   # part of `npx projen bench`
 *
 * BENCH_SUITE_RUNS (default 1) runs it again, each time with a fresh cache; the median is printed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, range } from './stats';
import { printTable } from '../reference-app/print-table';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_SUITE_RUNS ?? 1);

interface JestFile {
  readonly name: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly assertionResults: unknown[];
}
interface JestReport {
  readonly numTotalTests: number;
  readonly numPassedTests: number;
  readonly numPendingTests: number;
  readonly numFailedTests: number;
  readonly testResults: JestFile[];
}
interface Run {
  readonly wallMs: number;
  readonly jestTime: string;
  readonly report: JestReport;
}

function runSuite(): Run {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-suite-'));
  try {
    return measure(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function measure(tmp: string): Run {
  const json = path.join(tmp, 'report.json');
  const t0 = process.hrtime.bigint();
  const res = spawnSync('npx', ['jest', '--ci', '--cacheDirectory', path.join(tmp, 'cache'), '--json', '--outputFile', json], {
    cwd: root,
    encoding: 'utf-8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!fs.existsSync(json)) {
    throw new Error(`jest wrote no report (exit ${res.status}):\n${res.stderr.slice(-4000)}`);
  }
  const report = JSON.parse(fs.readFileSync(json, 'utf-8')) as JestReport;
  const jestTime = /^Time:\s*(.+)$/m.exec(res.stderr)?.[1] ?? '?';
  if (report.numFailedTests > 0) {
    throw new Error(`${report.numFailedTests} tests failed: the suite's time is not a measurement of a passing suite`);
  }
  return { wallMs, jestTime, report };
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) results.push(runSuite());
// the run whose files are listed: the middle one by wall time (of an even count, the later middle)
const middle = [...results].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(results.length / 2)];
const { report } = middle;
const walls = results.map((r) => r.wallMs / 1000);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`\nUnit suite: jest --ci on a fresh cache (${runs} run${runs === 1 ? '' : 's'}; Node.js ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end)\n`);
printTable(['what', 'files', 'tests (passed / skipped)', "jest's Time", 'wall, spawn to exit: median (min–max)'], [[
  'npx jest --ci',
  String(report.testResults.length),
  `${report.numTotalTests} (${report.numPassedTests} / ${report.numPendingTests})`,
  middle.jestTime,
  `${median(walls).toFixed(1)} s (${range(walls, 1)} s)`,
]]);

const files = report.testResults
  .map((f) => ({ name: path.relative(root, f.name), ms: f.endTime - f.startTime, tests: f.assertionResults.length }))
  .sort((a, b) => b.ms - a.ms);
const total = files.reduce((n, f) => n + f.ms, 0);
console.log(`\nSlowest test files of the middle run (all ${files.length} files: ${s(total)} on ${os.cpus().length} workers)\n`);
printTable(['file', 'tests', 'time'], files.slice(0, 8).map((f) => [f.name, String(f.tests), s(f.ms)]));
console.log();
