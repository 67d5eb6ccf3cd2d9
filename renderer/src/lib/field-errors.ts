/** Form fields keyed by the API's field names (`title`, `priceCents`...). */
export type FieldErrors = Record<string, string>;

export interface ParsedErrors {
  fields: FieldErrors;
  /** Problems not tied to one field we show (or not tied to any field at all). */
  general: string[];
}

/**
 * The core reports validation as `field: problem; other.field: problem`. Split that into per-field
 * messages for the fields this form has; everything else stays a general message.
 */
export function parseFieldErrors(message: string, knownFields: readonly string[]): ParsedErrors {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const part of message.split(/;\s+/)) {
    const match = /^([A-Za-z][\w.]*):\s+(.+)$/.exec(part.trim());
    const field = match?.[1];
    if (match && field && knownFields.includes(field)) {
      fields[field] = fields[field] ? `${fields[field]}; ${match[2]}` : match[2];
    } else if (part.trim() !== '') {
      general.push(part.trim());
    }
  }
  return { fields, general };
}
