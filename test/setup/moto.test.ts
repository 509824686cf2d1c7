import { startMoto } from './moto';

test('moto server starts on loopback, answers, and stops', async () => {
  const moto = await startMoto();
  try {
    expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${moto.endpoint}/moto-api/data.json`);
    expect(res.status).toBe(200);
  } finally {
    await moto.stop();
  }
  await expect(fetch(`${moto.endpoint}/moto-api/data.json`)).rejects.toThrow('fetch failed');
});
