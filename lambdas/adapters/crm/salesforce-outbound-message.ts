import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type OutboundMessage, type OutboundNotification, SALESFORCE_ID } from '../../core/crm-ports.js';
import { ValidationError } from '../../core/errors.js';
import type { IncomingNote } from '../../core/model.js';
import { decodeXmlText, htmlToText, looksLikeHtml } from './html-to-text.js';

/** "A single SOAP message can include up to 100 notifications." (Salesforce SOAP API guide) */
export const MAX_NOTIFICATIONS = 100;

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded, CDATA as written), or null when xsi:nil="true". */
  text: string | null;
}

const parser = new XMLParser({
  preserveOrder: true,
  cdataPropName: '#cdata',
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // No entity expansion at all: DOCTYPEs are refused before parsing, and the five predefined
  // entities and character references are decoded here, once, by decodeXmlText.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 32,
});

/** `<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`…: anything after `<!` except comments and CDATA. */
const DECLARATION = /<!(?!--|\[CDATA\[)/;

function toElements(nodes: unknown): XmlElement[] {
  const out: XmlElement[] = [];
  if (!Array.isArray(nodes)) return out;
  for (const node of nodes as Record<string, unknown>[]) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#cdata') continue;
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const content = node[name] as Record<string, unknown>[];
    let text = '';
    for (const part of content) {
      if (typeof part['#text'] === 'string') text += decodeXmlText(part['#text']);
      else if (Array.isArray(part['#cdata'])) {
        for (const c of part['#cdata'] as Record<string, unknown>[]) {
          if (typeof c['#text'] === 'string') text += c['#text'];
        }
      }
    }
    out.push({ name, attrs, children: toElements(content), text: attrs.nil === 'true' ? null : text });
  }
  return out;
}

const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const textOf = (el: XmlElement | undefined) => (el?.text ?? '').trim();

function parseXml(xml: string): XmlElement[] {
  if (DECLARATION.test(xml)) {
    throw new ValidationError('XML with a DOCTYPE or other declaration is not accepted', [
      { path: 'body', message: 'DOCTYPE/ENTITY declarations are refused (no entity expansion)' },
    ]);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ValidationError('body is not well-formed XML', [
      { path: `line ${valid.err.line}`, message: valid.err.msg },
    ]);
  }
  try {
    return toElements(parser.parse(xml));
  } catch (err) {
    throw new ValidationError(
      'body is not acceptable XML',
      [{ path: 'body', message: (err as Error).message }],
      {
        cause: err,
      },
    );
  }
}

/**
 * Parses a Salesforce Outbound Message (SOAP 1.1 `notifications`). Problems with the message as a
 * whole throw ValidationError; a problem with one notification is returned as `invalid` for it, so
 * the others can still be stored.
 */
export function parseOutboundMessage(xml: string, receivedAt: string): OutboundMessage {
  const roots = parseXml(xml);
  const envelope = roots.find((r) => r.name === 'Envelope');
  const notifications = child(child(envelope, 'Body'), 'notifications');
  if (!notifications) {
    throw new ValidationError('not a Salesforce Outbound Message', [
      { path: 'Envelope.Body', message: 'expected soapenv:Envelope/soapenv:Body/notifications' },
    ]);
  }
  const organizationId = textOf(child(notifications, 'OrganizationId'));
  if (!SALESFORCE_ID.test(organizationId)) {
    throw new ValidationError('the message has no valid OrganizationId', [
      { path: 'OrganizationId', message: 'required: a 15- or 18-character Salesforce id' },
    ]);
  }
  const list = notifications.children.filter((c) => c.name === 'Notification');
  if (list.length > MAX_NOTIFICATIONS) {
    throw new ValidationError(`a message carries at most ${MAX_NOTIFICATIONS} notifications`, [
      { path: 'Notification', message: `${list.length} notifications` },
    ]);
  }
  const sessionId = textOf(child(notifications, 'SessionId'));
  const partnerUrl = textOf(child(notifications, 'PartnerUrl'));
  const actionId = textOf(child(notifications, 'ActionId'));
  let instanceUrl: string | undefined;
  try {
    const url = new URL(partnerUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') instanceUrl = url.origin;
  } catch {
    instanceUrl = undefined;
  }
  const ctx = { organizationId, instanceUrl, receivedAt };
  return {
    organizationId,
    ...(actionId ? { actionId } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(partnerUrl ? { partnerUrl } : {}),
    ...(instanceUrl ? { instanceUrl } : {}),
    notifications: list.map((n, index) => parseNotification(n, index, ctx)),
  };
}

/** Thrown inside parseNotification; becomes that notification's `invalid` result. */
class Invalid extends Error {}

function parseNotification(
  el: XmlElement,
  index: number,
  ctx: { organizationId: string; instanceUrl: string | undefined; receivedAt: string },
): OutboundNotification {
  const notificationId = textOf(child(el, 'Id'));
  if (!SALESFORCE_ID.test(notificationId)) {
    return { index, status: 'invalid', problem: 'Notification Id is missing or not a Salesforce id' };
  }
  const sObject = child(el, 'sObject');
  if (!sObject || sObject.children.length === 0) {
    // "If the record is deleted before delivery, the notification contains no data."
    return { index, status: 'skipped', notificationId, reason: 'no record data (deleted before delivery)' };
  }
  const objectType = (sObject.attrs.type ?? '').split(':').pop() ?? '';
  if (!objectType) {
    return { index, status: 'invalid', notificationId, problem: 'sObject has no xsi:type' };
  }
  const fields = new Map<string, string | null>();
  for (const f of sObject.children) if (f.children.length === 0) fields.set(f.name, f.text);
  try {
    const note = toIncomingNote(objectType, fields, ctx);
    if (!note) {
      return {
        index,
        status: 'skipped',
        notificationId,
        objectType,
        reason: `${objectType} records are not scanned (Note, Task, Lead and ContentNote are)`,
      };
    }
    return { index, status: 'ok', notificationId, objectType, note };
  } catch (err) {
    if (err instanceof Invalid) return { index, status: 'invalid', notificationId, problem: err.message };
    throw err;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function toIncomingNote(
  objectType: string,
  fields: Map<string, string | null>,
  ctx: { organizationId: string; instanceUrl: string | undefined; receivedAt: string },
): IncomingNote | null {
  const value = (name: string) => fields.get(name) ?? undefined;
  const required = (name: string): string => {
    if (!fields.has(name)) {
      throw new Invalid(`${objectType} has no ${name} field: add ${name} to the outbound message's fields`);
    }
    return fields.get(name) ?? '';
  };
  const id = (name: string) => {
    const v = value(name)?.trim();
    return v && SALESFORCE_ID.test(v) ? v : undefined;
  };
  const optional = <K extends string>(key: K, v: string | undefined) =>
    (v ? { [key]: v } : {}) as { [P in K]?: string };

  let note: Pick<IncomingNote, 'kind' | 'title' | 'parentId' | 'body' | 'fields'>;
  switch (objectType) {
    case 'Note':
      note = { kind: 'note', body: required('Body'), title: value('Title'), parentId: id('ParentId') };
      break;
    case 'Task':
      note = {
        kind: 'task',
        body: required('Description'),
        title: value('Subject'),
        parentId: id('WhatId') ?? id('WhoId'),
      };
      break;
    case 'ContentNote':
      note = { kind: 'note', body: decodeContent(required('Content')), title: value('Title') };
      break;
    case 'Lead': {
      const scanned: Record<string, string> = {};
      let present = 0;
      for (const [name, v] of fields) {
        if (name === 'Description' || name === 'Title' || name.endsWith('__c')) {
          present++;
          if (v !== null && v.trim() !== '') scanned[name] = v;
        }
      }
      if (present === 0) {
        throw new Invalid(
          'Lead has none of the scanned fields (Description, Title, custom __c fields): add them to the outbound message',
        );
      }
      note = { kind: 'lead', fields: scanned, title: value('Company') };
      break;
    }
    default:
      return null;
  }

  const recordId = value('Id')?.trim() ?? '';
  if (!SALESFORCE_ID.test(recordId)) throw new Invalid(`${objectType} has no valid Id`);
  const modified = value('LastModifiedDate') ?? value('SystemModstamp');
  let updatedAt = ctx.receivedAt;
  if (modified !== undefined) {
    const t = Date.parse(modified.trim());
    if (Number.isNaN(t)) throw new Invalid(`${objectType} LastModifiedDate is not a date`);
    updatedAt = new Date(t).toISOString();
  }
  return {
    source: 'salesforce',
    orgId: ctx.organizationId,
    recordId,
    kind: note.kind,
    ...optional('ownerId', id('OwnerId')),
    ...optional('parentId', note.parentId),
    ...optional('title', note.title?.trim().slice(0, 500)),
    ...optional('url', ctx.instanceUrl ? `${ctx.instanceUrl}/${recordId}` : undefined),
    updatedAt,
    ...(note.fields !== undefined ? { fields: note.fields } : { body: note.body ?? '' }),
  };
}

/** ContentNote.Content is base64 of UTF-8 text or HTML. */
function decodeContent(b64: string): string {
  const compact = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new Invalid('ContentNote Content is not valid base64');
  }
  let text: string;
  try {
    text = strictUtf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    throw new Invalid('ContentNote Content is not UTF-8 text');
  }
  return looksLikeHtml(text) ? htmlToText(text) : text;
}
