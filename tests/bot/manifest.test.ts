import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('bot/manifest.json', 'utf8'));

describe('bot/manifest.json', () => {
  it('asks for the scopes the bot calls need, and no more', () => {
    // chat.postMessage/update/postEphemeral, conversations to DM, users.lookupByEmail + users.info, the slash command.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
  });

  it('sends events, interactivity and the slash command to the one /slack/events URL', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.features.slash_commands[0].url,
    ];
    expect(new Set(urls).size).toBe(1);
    expect(urls[0]).toMatch(/\/slack\/events$/);
    expect(manifest.features.slash_commands[0].command).toBe('/noteguard');
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
