import type { CrmWriter } from '../../core/ports.js';

/** Used when no CRM credentials are configured: redaction is stored here, the CRM is left as it is. */
export const noopCrmWriter: CrmWriter = {
  name: 'none',
  writeBack: async () => 'skipped',
};
