import type { Server } from 'node:http';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { SlackConfig } from '../../bot/config.js';
import { type Bot, createBot } from '../../bot/create-bot.js';
import { noopCrmWriter } from '../adapters/crm/noop-crm-writer.js';
import { DynamoNoteRepository } from '../adapters/dynamodb/dynamo-note-repository.js';
import { createTableInput } from '../adapters/dynamodb/table-design.js';
import { InProcessQueue } from '../adapters/queue/in-process-queue.js';
import { defaultClassifier } from '../classifier/index.js';
import { jsonLogger, type Logger } from '../core/log.js';
import type { CrmWriter } from '../core/ports.js';
import { systemClock } from '../core/ports.js';
import type { ApiConfig } from '../http/api-config.js';
import type { HandlerContext } from '../http/handler-context.js';
import { ROUTES } from '../http/routes.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../usecases/deps.js';
import { sweepOutbox } from '../usecases/sweep-outbox.js';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js';
import { createLocalServer } from './local-server.js';

export interface LocalStackOptions {
  port: number;
  host?: string;
  dataDir?: string;
  table?: string;
  config: ApiConfig;
  logger?: Logger;
  /** With Slack settings the bot is mounted at POST /slack/events and consumes the nudge queue. */
  slack?: SlackConfig;
  crm?: CrmWriter;
}

export interface LocalStack {
  url: string;
  slack: boolean;
  bot: Bot | null;
  dynamoEndpoint: string;
  /** DynamoDB Local's JVM process id (the API bench reports its CPU per request). */
  dynamoPid: number | undefined;
  ctx: HandlerContext;
  queue: InProcessQueue;
  stop(): Promise<void>;
}

async function ensureTable(client: DynamoDBClient, table: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await client.send(new CreateTableCommand(createTableInput(table)));
  }
}

/** Thrown when the HTTP port is taken, so `npm start` can say so plainly. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** DynamoDB Local + the table + the same handlers as in AWS behind a local HTTP server. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  // Check the port before starting Java, so a taken port fails fast with a clear message.
  await probePort(options.port, host);
  const db: DynamoDbLocal = await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = options.table ?? 'noteguard';
  let server: Server | undefined;
  try {
    await ensureTable(client, table);
    const queue = new InProcessQueue();
    const deps: UseCaseDeps = {
      repo: new DynamoNoteRepository(client, table),
      classifier: defaultClassifier(),
      queue,
      crm: options.crm ?? noopCrmWriter,
      clock: systemClock,
      logger: options.logger ?? jsonLogger(),
      config: { ...DEFAULT_CONFIG },
    };
    const ctx: HandlerContext = { deps, config: options.config };
    // The scheduled sweep AWS runs (cdk/): nudges stuck in the outbox are re-enqueued.
    const sweeper = setInterval(() => void sweepOutbox(deps).catch(() => {}), 30_000);
    sweeper.unref();
    const bot = options.slack ? createBot(deps, options.slack) : null;
    if (bot) queue.consume(bot.consumeNudge);
    const srv = createLocalServer(
      ctx,
      ROUTES,
      bot ? [{ method: 'POST', path: '/slack/events', handler: bot.http }] : [],
    );
    server = srv;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE' ? new PortInUseError(`port ${options.port} is already in use`) : err,
        ),
      );
      srv.listen(options.port, host, () => resolve());
    });
    return {
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.port}`,
      slack: bot !== null,
      bot,
      dynamoEndpoint: db.endpoint,
      dynamoPid: db.pid,
      ctx,
      queue,
      stop: async () => {
        clearInterval(sweeper);
        await new Promise<void>((r) => srv.close(() => r()));
        srv.closeAllConnections?.();
        client.destroy();
        await db.stop();
      },
    };
  } catch (err) {
    server?.close();
    client.destroy();
    await db.stop();
    throw err;
  }
}

async function probePort(port: number, host: string): Promise<void> {
  const { createServer } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(`port ${port} is already in use`) : err),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
