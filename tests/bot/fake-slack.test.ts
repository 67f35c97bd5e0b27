import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, slackSignature } from '../helpers/fake-slack.js';

// The fake is test infrastructure, but the tests lean on it: prove it behaves as documented.
let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(async () => slack.stop());

describe('the fake Slack Web API', () => {
  it('answers the real WebClient with documented shapes and records the call', async () => {
    slack.users.set('rep@example.com', 'U0REP');
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url });
    const found = await client.users.lookupByEmail({ email: 'rep@example.com' });
    expect(found.user?.id).toBe('U0REP');
    const posted = await client.chat.postMessage({
      channel: 'U0REP',
      text: 'hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
    });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const call = slack.callsTo('chat.postMessage')[0];
    expect(call?.token).toBe('xoxb-test');
    expect(call?.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
  });

  it('fails on request with platform errors the client does not retry', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url });
    slack.failNext('chat.postMessage', { error: 'invalid_auth' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    await expect(client.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject({
      data: { error: 'users_not_found' },
    });
  });

  it('answers 429 with Retry-After, which the client honours before retrying', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 2 } });
    slack.failNext('chat.update', { status: 429, retryAfter: 1 });
    const t0 = Date.now();
    await client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(slack.callsTo('chat.update').length).toBe(2);
  });

  it('signs exactly as Slack: the docs worked example reproduces', () => {
    const example = JSON.parse(
      readFileSync(resolve(process.cwd(), '../shared/fixtures/slack-signing-worked-example.json'), 'utf8'),
    );
    const body = readFileSync(
      resolve(process.cwd(), '../shared/fixtures/slack-signing-worked-example.body.txt'),
      'utf8',
    );
    const ts = Number(example.headers['X-Slack-Request-Timestamp']);
    expect(slackSignature(example.signingSecret, body, ts)).toBe(example.headers['X-Slack-Signature']);
  });
});
