/**
 * The shipped order-events handler (lambda/order-events) on moto: an OrderCreated event in, an
 * OrderAccepted event out on the bus named by EVENT_BUS_NAME, through the module-scope client of
 * the one publisher module. The client is created at import, so the endpoint comes from the
 * environment (AWS_ENDPOINT_URL), as it would come from the Lambda environment.
 */
import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { motoSqs } from './moto-sqs';
import { MOTO_ENV, MotoServer, startMoto } from '../setup/moto';

let moto: MotoServer;
const saved = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.endpoint,
    ...MOTO_ENV,
    EVENT_BUS_NAME: 'app-bus',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
});
afterAll(async () => {
  process.env = saved;
  await moto?.stop();
});

test('[EVB-2] the shipped handler publishes OrderAccepted for an OrderCreated event through the publisher', async () => {
  const client = new EventBridgeClient(moto.clientConfig);
  const { sqs, receiveAll } = motoSqs(moto.endpoint);
  await client.send(new CreateEventBusCommand({ Name: 'app-bus' }));
  const queueUrl = (await sqs('CreateQueue', { QueueName: 'accepted' })).QueueUrl;
  await client.send(new PutRuleCommand({ Name: 'accepted', EventBusName: 'app-bus', EventPattern: JSON.stringify({ 'detail-type': ['OrderAccepted'] }) }));
  await client.send(new PutTargetsCommand({ Rule: 'accepted', EventBusName: 'app-bus', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:123456789012:accepted' }] }));

  let handler: (event: any) => Promise<{ published: number }> = async () => ({ published: -1 });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = require('../../lambda/order-events').handler;
  });
  const result = await handler({
    'id': 'e1',
    'version': '0',
    'source': 'com.example.orders',
    'detail-type': 'OrderCreated',
    'account': '123456789012',
    'region': 'us-east-1',
    'time': new Date().toISOString(),
    'resources': [],
    'detail': { orderId: 'o42', userId: 'u1', amount: 10 },
  });
  expect(result).toEqual({ published: 1 });
  const [accepted] = await receiveAll(queueUrl, 1);
  expect(accepted).toMatchObject({ 'source': 'com.example.orders', 'detail-type': 'OrderAccepted', 'detail': { orderId: 'o42', userId: 'u1' } });
  client.destroy();
});
