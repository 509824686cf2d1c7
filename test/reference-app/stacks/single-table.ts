import { SingleTable } from '../../../src';
import { ORDERS_MODEL } from '../../single-table/model';
import { ReferenceStackSpec } from '../stack-spec';

/**
 * SingleTable with the patterns document's model (User / Order / OrderMeta / OrderItem, GSI1) and
 * every other prop at its default, for the stage.
 */
export const singleTableStack: ReferenceStackSpec = {
  name: 'SingleTable',
  build: (stack, stage) => {
    new SingleTable(stack, 'Orders', { stage, ...ORDERS_MODEL });
  },
  acknowledgements: [
    {
      path: 'Orders/BackupSelection/Role',
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'PROD only: the AWS Backup service role uses AWSBackupServiceRolePolicyForBackup, the policy AWS maintains for the ' +
        'actions backup jobs need; a hand-written copy would break silently when AWS Backup changes. Pass SingleTable ' +
        'backupPlan to use a central plan instead.',
    },
    {
      path: 'Orders/Table',
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'DEV only: a DEV table is disposable (RemovalPolicy.DESTROY) and keeps 35 days of point-in-time recovery; PROD ' +
        'tables are in an AWS Backup plan by default (SingleTable backup), and backup: true adds one in DEV.',
    },
    {
      path: 'Orders/Table',
      id: 'NIST.800.53.R5-DynamoDBInBackupPlan',
      reason:
        'DEV only: a DEV table is disposable (RemovalPolicy.DESTROY) and keeps 35 days of point-in-time recovery; PROD ' +
        'tables are in an AWS Backup plan by default (SingleTable backup), and backup: true adds one in DEV.',
    },
  ],
};
