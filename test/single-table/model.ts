import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { KeyCondition, SingleTableProps, SortDirection } from '../../src';

/**
 * The patterns document's single-table model (User / Order / OrderItem, plus the META item its
 * transaction writes and the GSI1 of its CDK snippet), declared as code. The SingleTable page
 * (src/single-table/README.md) shows the same declaration and its rendered table;
 * test/single-table/readme.test.ts keeps them in sync.
 */
export const ORDERS_MODEL: SingleTableProps = {
  globalIndexes: [
    {
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: dynamodb.AttributeType.STRING },
    },
  ],
  entities: [
    { name: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' },
    {
      name: 'Order',
      partitionKey: 'USER#{userId}',
      sortKey: 'ORDER#{orderId}',
      indexKeys: [{ indexName: 'GSI1', partitionKey: 'STATUS#{status}', sortKey: 'ORDER#{orderId}' }],
    },
    { name: 'OrderMeta', partitionKey: 'ORDER#{orderId}', sortKey: 'META' },
    { name: 'OrderItem', partitionKey: 'ORDER#{orderId}', sortKey: 'ITEM#{itemId}' },
  ],
  accessPatterns: [
    { name: 'Get a user profile', partitionKey: 'USER#{userId}', sortKey: KeyCondition.equalTo('PROFILE') },
    {
      name: "List a user's orders, newest first",
      partitionKey: 'USER#{userId}',
      sortKey: KeyCondition.beginsWith('ORDER#'),
      sortDirection: SortDirection.DESCENDING,
    },
    { name: 'Get an order with its items', partitionKey: 'ORDER#{orderId}' },
    {
      name: 'List orders by status, newest first',
      indexName: 'GSI1',
      partitionKey: 'STATUS#{status}',
      sortKey: KeyCondition.beginsWith('ORDER#'),
      sortDirection: SortDirection.DESCENDING,
    },
  ],
};
