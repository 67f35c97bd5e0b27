/** The 21 category ids of ../shared/taxonomy.md: the product's vocabulary everywhere. */
export const CATEGORY_IDS = [
  'government_id',
  'payment_card',
  'bank_account',
  'credentials',
  'date_of_birth',
  'personal_contact',
  'health',
  'religion',
  'ethnicity',
  'sexual_orientation',
  'political',
  'union_membership',
  'criminal_record',
  'family_status',
  'age',
  'financial_hardship',
  'immigration_status',
  'derogatory',
  'profanity',
  'appearance',
  'lifestyle',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Severity = 'high' | 'medium' | 'low';
export type Group = 'pii' | 'special' | 'conduct';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

interface CategoryInfo {
  group: Group;
  severity: Severity;
  label: string;
}

// Default severities follow taxonomy.md "Severity": regulated data high, other special-category
// data and slurs medium, style and tone low.
export const CATEGORIES: Record<CategoryId, CategoryInfo> = {
  government_id: { group: 'pii', severity: 'high', label: 'Government ID' },
  payment_card: { group: 'pii', severity: 'high', label: 'Payment card' },
  bank_account: { group: 'pii', severity: 'high', label: 'Bank account' },
  credentials: { group: 'pii', severity: 'high', label: 'Credentials' },
  date_of_birth: { group: 'pii', severity: 'high', label: 'Date of birth' },
  personal_contact: { group: 'pii', severity: 'high', label: 'Personal contact' },
  health: { group: 'special', severity: 'high', label: 'Health' },
  religion: { group: 'special', severity: 'high', label: 'Religion' },
  ethnicity: { group: 'special', severity: 'high', label: 'Ethnicity' },
  sexual_orientation: { group: 'special', severity: 'high', label: 'Sexual orientation' },
  political: { group: 'special', severity: 'medium', label: 'Political opinion' },
  union_membership: { group: 'special', severity: 'medium', label: 'Union membership' },
  criminal_record: { group: 'special', severity: 'high', label: 'Criminal record' },
  family_status: { group: 'special', severity: 'medium', label: 'Family status' },
  age: { group: 'special', severity: 'medium', label: 'Age' },
  financial_hardship: { group: 'special', severity: 'medium', label: 'Financial hardship' },
  immigration_status: { group: 'special', severity: 'high', label: 'Immigration status' },
  derogatory: { group: 'conduct', severity: 'medium', label: 'Derogatory remark' },
  profanity: { group: 'conduct', severity: 'low', label: 'Profanity' },
  appearance: { group: 'conduct', severity: 'low', label: 'Appearance' },
  lifestyle: { group: 'conduct', severity: 'low', label: 'Lifestyle' },
};

export function isCategoryId(value: string): value is CategoryId {
  return Object.hasOwn(CATEGORIES, value);
}
