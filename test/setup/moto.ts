/**
 * Starts moto's server (the local DynamoDB / S3 / EventBridge engine, from .venv) on a free
 * loopback port for one test file, and stops it after. Use in a `beforeAll` / `afterAll` pair:
 *
 *   let moto: MotoServer;
 *   beforeAll(async () => { moto = await startMoto(); });
 *   afterAll(async () => moto.stop());
 *
 * Clients point at `moto.endpoint` with dummy credentials (`moto.clientConfig`).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  /** Config for AWS SDK v3 clients: endpoint, region, dummy credentials, path-style S3. */
  readonly clientConfig: {
    endpoint: string;
    region: string;
    forcePathStyle: boolean;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Wipes every resource in the server (between tests). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The region and dummy credentials of every client and handler pointed at moto, as the environment
 * variables a handler reads (the SDK's `fromEnv`, which Lambda's environment feeds).
 */
export const MOTO_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
} as const;

const MOTO_BIN = path.join(__dirname, '..', '..', '.venv', 'bin', 'moto_server');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startMoto(timeoutMs = 30_000): Promise<MotoServer> {
  if (!fs.existsSync(MOTO_BIN)) {
    throw new Error(`moto_server not found at ${MOTO_BIN}: run 'npx projen python-env' (the test task does)`);
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(MOTO_BIN, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) {
      throw new Error(`moto_server exited with ${proc.exitCode}: ${stderr}`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    port,
    clientConfig: {
      endpoint,
      region: MOTO_ENV.AWS_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY },
    },
    reset: async () => {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
