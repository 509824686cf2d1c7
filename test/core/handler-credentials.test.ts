/**
 * lambda/shared/credentials.ts: the default credential provider the shipped handlers' bundles give
 * their SDK clients (projenrc/bundle-lambda.ts). Lambda's environment credentials come from the SDK's own
 * `fromEnv`; anything else goes to the SDK's full default chain, loaded on first use.
 */
import { defaultProvider } from '../../lambda/shared/credentials';

const chainCredentials = { accessKeyId: 'FROM_CHAIN', secretAccessKey: 'chain-secret' };
const sdkDefaultProvider = jest.fn((_init: unknown) => jest.fn(async () => chainCredentials));
jest.mock('@aws-sdk/credential-provider-node', () => ({ defaultProvider: (init: unknown) => sdkDefaultProvider(init) }));

const VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  VARS.forEach((v) => delete process.env[v]);
  sdkDefaultProvider.mockClear();
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

test("[LAM-1] Lambda's environment credentials (key, secret, session token) come from fromEnv; the SDK's chain is never loaded", async () => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' });
  const provider = defaultProvider({});
  await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIAENV', secretAccessKey: 'env-secret', sessionToken: 'env-token' });
  expect(sdkDefaultProvider).not.toHaveBeenCalled();
});

test('[LAM-1] without environment credentials the SDK default chain answers, created once with the client\'s init', async () => {
  const init = { logger: console };
  const provider = defaultProvider(init);
  await expect(provider()).resolves.toEqual(chainCredentials);
  await expect(provider()).resolves.toEqual(chainCredentials);
  expect(sdkDefaultProvider).toHaveBeenCalledTimes(1);
  expect(sdkDefaultProvider).toHaveBeenCalledWith(init);
});

test.each([
  ['AWS_PROFILE', () => { process.env.AWS_PROFILE = 'dev'; return {}; }],
  ['the client\'s profile', () => ({ profile: 'dev' })],
])('[LAM-1] a selected profile (%s) goes to the SDK chain even with environment keys set, as the SDK\'s own chain does', async (_label, setup) => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret' });
  const provider = defaultProvider(setup());
  await expect(provider()).resolves.toEqual(chainCredentials);
  expect(sdkDefaultProvider).toHaveBeenCalledTimes(1);
});

test('[LAM-1] a key without its secret is not environment credentials', async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAENV';
  await expect(defaultProvider({})()).resolves.toEqual(chainCredentials);
});
