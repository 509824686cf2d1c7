/**
 * Jest set-up: a snapshot serializer that replaces 64-hex asset hashes, so snapshots of stacks that
 * carry bundled handler assets do not churn when a handler's bytes change.
 */
const ASSET_HASH = /[0-9a-f]{64}(\.zip|\.json)?/g;

expect.addSnapshotSerializer({
  test: (val: unknown) => typeof val === 'string' && /[0-9a-f]{64}/.test(val),
  print: (val: unknown) => `"${(val as string).replace(ASSET_HASH, 'ASSET-HASH$1')}"`,
});
