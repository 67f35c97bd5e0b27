import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../lambdas/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local (AWS's own, in memory) for the whole run; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const db = await startDynamoDbLocal({ timeoutMs: 60_000 });
  project.provide('dynamoEndpoint', db.endpoint);
  return async () => {
    await db.stop();
  };
}
