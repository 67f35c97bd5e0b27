import type { HttpResult } from './http-types.js';
import { xml } from './respond.js';

/** The Outbound Messaging acknowledgement (notificationsResponse/Ack), as Salesforce's WSDL defines it. */
export const SALESFORCE_ACK = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
    <soapenv:Body>
        <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">
            <Ack>true</Ack>
        </notificationsResponse>
    </soapenv:Body>
</soapenv:Envelope>
`;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/**
 * A SOAP 1.1 Fault: what a SOAP client (Salesforce) can parse, with the reason in faultstring.
 * The HTTP status stays the one the error maps to (4xx caller problem, 5xx ours).
 */
export function soapFault(
  statusCode: number,
  error: { error: string; message: string; issues?: { path: string; message: string }[] },
  headers: Record<string, string> = {},
): HttpResult {
  const issues = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ');
  const reason = `${error.error}: ${error.message}${issues ? ` (${issues})` : ''}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
    <soapenv:Body>
        <soapenv:Fault>
            <faultcode>soapenv:${statusCode < 500 ? 'Client' : 'Server'}</faultcode>
            <faultstring>${escapeXml(reason)}</faultstring>
        </soapenv:Fault>
    </soapenv:Body>
</soapenv:Envelope>
`;
  const res = xml(statusCode, body);
  return { ...res, headers: { ...res.headers, ...headers } };
}
