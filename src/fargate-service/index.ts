export * from './blue-green-traffic';
export * from './fargate-blue-green-service';
