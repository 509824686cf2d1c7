import { PatternHandlers, PowertoolsFunction, SingleTable } from '../../../src';
import { ORDERS_MODEL } from '../../single-table/model';
import { ReferenceStackSpec } from '../stack-spec';
import { functionAcknowledgements } from './powertools-function';

export const BACKUP_PLAN_REASON =
  'DEV only: a DEV table is disposable (RemovalPolicy.DESTROY) and keeps 35 days of point-in-time recovery; PROD ' +
  'tables are in an AWS Backup plan by default (SingleTable backup), and backup: true adds one in DEV.';

/**
 * SingleTable with the patterns document's model (User / Order / OrderMeta / OrderItem, GSI1) and
 * every other prop at its default, for the stage; and the shipped orders-table handler (the
 * document's SDK v3 code) deployed as a PowertoolsFunction with read/write access to the table.
 */
export const singleTableStack: ReferenceStackSpec = {
  name: 'SingleTable',
  build: (stack, stage) => {
    const table = new SingleTable(stack, 'Orders', { stage, ...ORDERS_MODEL });
    const fn = new PowertoolsFunction(stack, 'OrdersHandler', {
      serviceName: 'orders',
      code: PatternHandlers.ordersTable(),
      handler: 'index.handler',
      environment: { TABLE_NAME: table.tableName },
      // the prebuilt bundle already contains Powertools
      powertoolsLayerEnabled: false,
      stage,
    });
    table.grantReadWriteData(fn);
  },
  acknowledgements: [
    { path: 'Orders/Table', id: 'HIPAA.Security-DynamoDBInBackupPlan', reason: BACKUP_PLAN_REASON },
    { path: 'Orders/Table', id: 'NIST.800.53.R5-DynamoDBInBackupPlan', reason: BACKUP_PLAN_REASON },
    {
      path: 'OrdersHandler/ServiceRole/DefaultPolicy/Resource',
      id: 'AwsSolutions-IAM5[Resource::<OrdersTable1F8332C7.Arn>/index/*]',
      reason:
        'grantReadWriteData covers the table\'s indexes (GSI1 serves "List orders by status"); index ARNs are ' +
        '<table ARN>/index/<name>, so the grant names them with /index/* under this one table.',
    },
    // The function's own findings, acknowledged with the reasons of the PowertoolsFunction stack.
    ...functionAcknowledgements('OrdersHandler'),
  ],
};
