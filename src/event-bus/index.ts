export * from './event-bus-with-archive';
