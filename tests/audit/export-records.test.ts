import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentNoteText } from '../../lambdas/audit/content-note-text.js';
import { detectObject } from '../../lambdas/audit/detect-object.js';
import {
  type ExportEvent,
  inspectExport,
  isoDate,
  ownerOf,
  readExport,
  readUsers,
} from '../../lambdas/audit/export-records.js';

const dir = mkdtempSync(join(tmpdir(), 'noteguard-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const q = (fields: string[]) => fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',');

async function all(path: string): Promise<ExportEvent[]> {
  const f = await inspectExport(path);
  const out: ExportEvent[] = [];
  for await (const e of readExport(f)) out.push(e);
  return out;
}

describe('detectObject', () => {
  it.each([
    [['Id', 'ParentId', 'OwnerId', 'Title', 'Body', 'CreatedDate'], 'Note'],
    [['Id', 'LastName', 'Company', 'Title', 'Description', 'Status', 'Hobby__c'], 'Lead'],
    [['Id', 'WhoId', 'WhatId', 'Subject', 'ActivityDate', 'Status', 'Priority', 'Description'], 'Task'],
    [['Id', 'Title', 'Content', 'FileType', 'OwnerId'], 'ContentNote'],
    [['Id', 'Title', 'TextPreview', 'OwnerId'], 'ContentNote'],
  ])('tells the object from the header %j', (header, object) => {
    const d = detectObject(header);
    expect(d.type === 'object' && d.spec.object).toBe(object);
  });

  it('scans Lead Description, Title and custom __c fields', () => {
    const d = detectObject(['Id', 'LastName', 'Company', 'Title', 'Description', 'Hobby__c', 'Phone']);
    expect(d.type === 'object' && d.spec.fieldColumns).toEqual(['Description', 'Title', 'Hobby__c']);
  });

  it('recognises User exports and leaves other objects alone', () => {
    expect(detectObject(['Id', 'Username', 'Name', 'Email']).type).toBe('users');
    expect(detectObject(['Id', 'Name', 'Industry', 'Description']).type).toBe('unknown');
    // An Event has a Subject and Description too, but is not a Task.
    expect(detectObject(['Id', 'Subject', 'Description', 'ActivityDate', 'StartDateTime']).type).toBe(
      'unknown',
    );
  });
});

describe('reading exports', () => {
  it('reads a Note export (BOM, CRLF, quoted commas and line breaks) into records with line numbers', async () => {
    const path = file(
      'Note.csv',
      `\uFEFF${[
        q(['Id', 'ParentId', 'OwnerId', 'Title', 'Body', 'CreatedDate']),
        q([
          '002A',
          '006X',
          '005U1',
          'Call, Q3',
          'He is a total idiot,\r\nreally.',
          '2024-03-05T17:22:31.000Z',
        ]),
        q(['002B', '006X', '005U2', 'Renewal', 'Budget approved.', '2024-04-01 08:00:00']),
        '',
      ].join('\r\n')}`,
    );
    const events = await all(path);
    expect(events.map((e) => e.type)).toEqual(['record', 'record']);
    expect(events.map((e) => e.line)).toEqual([2, 4]);
    expect(events[0]).toMatchObject({
      record: {
        source: 'salesforce',
        object: 'Note',
        kind: 'note',
        recordId: '002A',
        ownerId: '005U1',
        parentId: '006X',
        title: 'Call, Q3',
        createdDate: '2024-03-05T17:22:31.000Z',
        body: { field: 'Body', text: 'He is a total idiot,\r\nreally.' },
      },
    });
    expect(events[1]).toMatchObject({ record: { createdDate: '2024-04-01T08:00:00.000Z' } });
  });

  it('reports rows with the wrong number of fields or no Id, with their line, and keeps going', async () => {
    const path = file(
      'Task.csv',
      [
        'Id,Subject,ActivityDate,Priority,OwnerId,Description',
        '00T1,Call,2024-01-01,Normal,005U1,fine',
        '00T2,Call,2024-01-01,Normal,005U1,one,too many',
        ',Call,2024-01-01,Normal,005U1,no id',
        '00T4,Call,2024-01-01,Normal,005U1,"still fine"',
      ].join('\n'),
    );
    const events = await all(path);
    expect(events.map((e) => (e.type === 'bad' ? `${e.line}: ${e.message}` : e.record.recordId))).toEqual([
      '00T1',
      '3: expected 6 fields as in the header, found 7',
      '4: no record Id',
      '00T4',
    ]);
  });

  it('reads Lead fields, leaving empty ones out', async () => {
    const path = file(
      'Lead.csv',
      `${q(['Id', 'LastName', 'Company', 'Title', 'Description', 'Notes__c', 'OwnerId'])}\n${q(['00Q1', 'Doe', 'Acme', 'CFO', 'is a moron', '', '005U1'])}\n`,
    );
    const [e] = await all(path);
    expect(e).toMatchObject({
      type: 'record',
      record: {
        object: 'Lead',
        kind: 'lead',
        fields: { Title: 'CFO', Description: 'is a moron' },
        title: 'Acme',
      },
    });
    expect(e?.type === 'record' && Object.keys(e.record.fields ?? {})).toEqual(['Description', 'Title']);
  });

  it('reads ContentNote bodies as the text a reader sees (base64 HTML decoded)', async () => {
    const html = '<p>Dana is out for chemo &amp; rest</p><p>call <b>later</b></p>';
    const path = file(
      'ContentNote.csv',
      `Id,Title,Content,FileType,OwnerId\n069A,Notes,${Buffer.from(html).toString('base64')},SNOTE,005U1\n`,
    );
    const [e] = await all(path);
    expect(e?.type === 'record' && e.record.body).toEqual({
      field: 'Content',
      text: 'Dana is out for chemo & rest\ncall later\n',
    });
    expect(contentNoteText('plain text, not base64')).toBe('plain text, not base64');
  });

  it('streams corpus JSON Lines, reporting bad lines by number', async () => {
    const path = file(
      'c.jsonl',
      `${JSON.stringify({ id: 'n1', kind: 'note', text: 'hello', labels: [] })}\n{oops\n\n${JSON.stringify({ id: 'l1', kind: 'lead', fields: { Description: 'x' } })}`,
    );
    const events = await all(path);
    expect(
      events.map((e) => (e.type === 'bad' ? `bad@${e.line}` : `${e.record.recordId}@${e.line}`)),
    ).toEqual(['n1@1', 'bad@2', 'l1@4']);
    expect(events[0]).toMatchObject({
      record: { source: 'custom', object: 'corpus', body: { text: 'hello' } },
    });
  });

  it('resumes from a record end offset', async () => {
    const path = file('Resume.csv', 'Id,ParentId,Body,OwnerId\n1,p,"a\nb",o\n2,p,c,o\n3,p,d,o\n');
    const f = await inspectExport(path);
    const events = await all(path);
    const second = events[0] as ExportEvent;
    const rest: ExportEvent[] = [];
    for await (const e of readExport(f, { offset: second.end, line: second.nextLine })) rest.push(e);
    expect(rest).toEqual(events.slice(1));
    expect(rest.map((e) => e.line)).toEqual([4, 5]);
  });

  it('says what is wrong with a file it cannot audit', async () => {
    expect((await inspectExport(file('empty.csv', ''))).problem).toBe('the file is empty');
    expect((await inspectExport(file('Account.csv', 'Id,Name\n1,Acme\n'))).detected.type).toBe('unknown');
    await expect(inspectExport(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: no such file/);
  });

  it('maps owners from a User export by 18- and 15-character id', async () => {
    const f = await inspectExport(
      file(
        'User.csv',
        'Id,Username,FirstName,LastName,Email\n005Ho00000A1bCdIAA,dana@x,Dana,Reyes,dana@x.example\n',
      ),
    );
    const owners = await readUsers(f);
    expect(ownerOf(owners, '005Ho00000A1bCdIAA')).toEqual({ name: 'Dana Reyes', email: 'dana@x.example' });
    expect(ownerOf(owners, '005Ho00000A1bCd')).toEqual({ name: 'Dana Reyes', email: 'dana@x.example' });
    expect(ownerOf(owners, '005Ho00000ZZZZZIAA')).toBeUndefined();
  });
});

describe('isoDate', () => {
  it.each([
    ['2024-03-05T17:22:31.000Z', '2024-03-05T17:22:31.000Z'],
    ['2024-03-05 17:22:31', '2024-03-05T17:22:31.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T17:22:31.000+0100', '2024-03-05T16:22:31.000Z'],
    ['05/03/2024', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(isoDate(input)).toBe(expected);
  });
});
