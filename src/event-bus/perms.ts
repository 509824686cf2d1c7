/** The actions EventBridge needs to deliver to a dead-letter queue. */
export const DEAD_LETTER_SEND_ACTIONS = ['sqs:SendMessage'];

/** Publishing to the bus. */
export const PUT_EVENTS_ACTIONS = ['events:PutEvents'];

/** Starting a replay from the archive (the action's resource is the archive). */
export const START_REPLAY_ACTIONS = ['events:StartReplay'];

/** Following and cancelling a replay (the actions' resource is the replay). */
export const REPLAY_STATUS_ACTIONS = ['events:DescribeReplay', 'events:CancelReplay'];

/** Reading what the archive holds (size, event count, state). */
export const DESCRIBE_ARCHIVE_ACTIONS = ['events:DescribeArchive'];
