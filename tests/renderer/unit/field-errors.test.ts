import { describe, expect, it } from 'vitest';
import { parseFieldErrors } from '../../../renderer/src/lib/field-errors';

const FIELDS = ['title', 'stock', 'priceCents', 'checkoutUrl'];

describe('parseFieldErrors', () => {
  it('puts each of the core messages under the field it names', () => {
    const parsed = parseFieldErrors(
      'title: title is required; checkoutUrl: checkoutUrl must be an http(s) URL',
      FIELDS,
    );
    expect(parsed).toEqual({
      fields: { title: 'title is required', checkoutUrl: 'checkoutUrl must be an http(s) URL' },
      general: [],
    });
  });

  it('keeps messages about fields the form does not have, or no field at all, as general errors', () => {
    const parsed = parseFieldErrors('tiers.0.name: Too small; body: Unrecognized key "x"', FIELDS);
    expect(parsed.fields).toEqual({});
    expect(parsed.general).toEqual(['tiers.0.name: Too small', 'body: Unrecognized key "x"']);
    expect(parseFieldErrors('Drop 4 is ended; it cannot start.', FIELDS).general).toEqual([
      'Drop 4 is ended',
      'it cannot start.',
    ]);
  });

  it('joins two problems with the same field', () => {
    expect(parseFieldErrors('stock: Too small; stock: Invalid input', FIELDS).fields).toEqual({
      stock: 'Too small; Invalid input',
    });
  });
});
