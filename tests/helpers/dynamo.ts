import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createTableInput } from '../../lambdas/adapters/dynamodb/table-design.js';

export function localClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** A fresh, uniquely named table on the shared DynamoDB Local; drop() deletes it. */
export async function freshTable(
  client = localClient(),
): Promise<{ client: DynamoDBClient; table: string; drop: () => Promise<void> }> {
  const table = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await client.send(new CreateTableCommand(createTableInput(table)));
  return {
    client,
    table,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: table }));
      client.destroy();
    },
  };
}
