import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../lambdas/core/log.js';

/**
 * Bolt's logger, routed to our JSON logs. Only Bolt's own message strings are kept: its extra
 * arguments can hold payloads (note text, tokens), so they are dropped.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (args: unknown[]) =>
    typeof args[0] === 'string' ? args[0].slice(0, 200).replace(/\{.*$/s, '') : 'bolt';
  return {
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => logger.warn(text(args), { source: 'bolt' }),
    error: (...args: unknown[]) => logger.error(text(args), { source: 'bolt' }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
