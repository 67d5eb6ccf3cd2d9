import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import {
  editableSettings,
  emptyTier,
  formErrorsFromCore,
  ledgerSettingsChange,
  newDropValues,
  toCreateInput,
  toUpdateInput,
  valuesFromDrop,
  type DropFormValues,
} from '../../../renderer/src/editor/drop-form-model';
import { newObsRow } from '../../../renderer/src/editor/obs-actions-model';

function filled(over: Partial<DropFormValues> = {}): DropFormValues {
  const v = newDropValues();
  return {
    ...v,
    title: 'Signed vinyl',
    checkoutUrl: ' https://shop.example/checkout/vinyl ',
    tiers: [{ ...v.tiers[0], stock: '40', price: '25' }],
    ...over,
  };
}

const drop = (over: Partial<Drop> = {}): Drop => ({
  id: 7,
  title: 'Signed vinyl',
  state: 'draft',
  stock: 50,
  sold: 0,
  held: 0,
  oversold: 0,
  holds: { mode: 'off', lastUnits: 5, ttlSec: 600, perVisitor: 3 },
  restockOnRefund: true,
  priceCents: 2500,
  currency: 'EUR',
  durationSec: 330,
  checkoutUrl: 'https://shop.example/checkout/vinyl',
  productId: null,
  tiers: [
    { id: 1, name: 'Standard', priceCents: 2500, stock: 40, sold: 0, held: 0, variantId: null },
    { id: 2, name: 'Bundle', priceCents: 4550, stock: 10, sold: 0, held: 0, variantId: null },
  ],
  earlyAccessSec: 120,
  perBuyerCap: null,
  linkRotationSec: 90,
  obsActions: { start: [{ type: 'switchScene', scene: 'Close-up' }] },
  scheduledAt: null,
  startedAt: null,
  publicAt: null,
  endsAt: null,
  endedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('drop form → drop:create', () => {
  it('sends the first tier as stock/price and the others as tiers, money in cents, time in seconds', () => {
    const v = filled({
      currency: 'usd',
      durationMin: '12',
      durationSec: '30',
      earlyAccessMin: '2',
      perBuyerCap: '3',
      tiers: [
        { ...newDropValues().tiers[0], stock: '40', price: '25' },
        { ...emptyTier(), name: ' Signed bundle ', stock: '10', price: '45,50' },
      ],
    });
    expect(toCreateInput(v)).toEqual({
      ok: true,
      input: {
        title: 'Signed vinyl',
        currency: 'USD',
        durationSec: 750,
        checkoutUrl: 'https://shop.example/checkout/vinyl',
        stock: 40,
        priceCents: 2500,
        tiers: [{ name: 'Signed bundle', stock: 10, priceCents: 4550 }],
        earlyAccessSec: 120,
        perBuyerCap: 3,
      },
    });
  });

  it('leaves out what the host left empty', () => {
    const built = toCreateInput(filled());
    expect(built.ok && built.input).toEqual({
      title: 'Signed vinyl',
      currency: 'EUR',
      durationSec: 300,
      checkoutUrl: 'https://shop.example/checkout/vinyl',
      stock: 40,
      priceCents: 2500,
      earlyAccessSec: 0,
    });
  });

  it('reports every local problem at once, keyed by the row it is about', () => {
    const built = toCreateInput(
      filled({
        title: ' ',
        checkoutUrl: 'ftp://x',
        durationMin: '0',
        durationSec: '5',
        currency: 'EURO',
        perBuyerCap: '0',
        linkRotationSec: '10',
        tiers: [
          { ...newDropValues().tiers[0], stock: 'lots', price: '25' },
          { ...emptyTier(), name: '', stock: '1', price: '1.234' },
        ],
      }),
    );
    expect(built.ok).toBe(false);
    expect(Object.keys(built.ok ? {} : built.errors).sort()).toEqual([
      'checkoutUrl',
      'currency',
      'durationSec',
      'linkRotationSec',
      'perBuyerCap',
      'tier0.stock',
      'tier1.name',
      'tier1.price',
      'title',
    ]);
  });
});

describe('drop form ↔ an existing drop', () => {
  it('fills the form from the drop and sends back only what drop:update accepts', () => {
    const d = drop();
    const v = valuesFromDrop(d);
    expect(v).toMatchObject({
      durationMin: '5',
      durationSec: '30',
      earlyAccessMin: '2',
      perBuyerCap: '',
      linkRotationSec: '90',
    });
    expect(v.tiers.map((t) => [t.name, t.stock, t.price])).toEqual([
      ['Standard', '40', '25.00'],
      ['Bundle', '10', '45.50'],
    ]);
    expect(toUpdateInput({ ...v, title: 'Signed vinyl, black' }, d)).toEqual({
      ok: true,
      input: {
        title: 'Signed vinyl, black',
        currency: 'EUR',
        durationSec: 330,
        checkoutUrl: 'https://shop.example/checkout/vinyl',
        earlyAccessSec: 120,
        linkRotationSec: 90,
        obsActions: { start: [{ type: 'switchScene', scene: 'Close-up' }] },
      },
    });
  });

  it('sends {} when every OBS action was removed, so the old ones go', () => {
    const d = drop();
    const built = toUpdateInput({ ...valuesFromDrop(d), obsActions: [] }, d);
    expect(built.ok && built.input.obsActions).toEqual({});
  });

  it('says so when a cap or rotation is emptied, which the API cannot undo', () => {
    const d = drop({ perBuyerCap: 2 });
    const built = toUpdateInput({ ...valuesFromDrop(d), perBuyerCap: '', linkRotationSec: '' }, d);
    const errors = built.ok ? {} : built.errors;
    expect(errors.perBuyerCap).toContain('cannot be removed');
    expect(errors.linkRotationSec).toContain('cannot be turned off');
  });
});

describe('holds settings', () => {
  it('changes nothing for an untouched form', () => {
    expect(ledgerSettingsChange(newDropValues())).toEqual({ ok: true, input: null });
    expect(ledgerSettingsChange(valuesFromDrop(drop()), drop())).toEqual({ ok: true, input: null });
  });

  it('sends the whole policy when one part changed, and checks the ranges', () => {
    const v = { ...newDropValues(), holdsMode: 'always' as const, holdsTtlSec: '300' };
    expect(ledgerSettingsChange(v)).toEqual({
      ok: true,
      input: { holds: { mode: 'always', lastUnits: 5, ttlSec: 300, perVisitor: 3 }, restockOnRefund: true },
    });
    expect(ledgerSettingsChange({ ...newDropValues(), restockOnRefund: false }).ok).toBe(true);
    const bad = ledgerSettingsChange({ ...v, holdsTtlSec: '10', holdsPerVisitor: '0' });
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['holds.perVisitor', 'holds.ttlSec']);
  });
});

describe("the core's 400 → form fields", () => {
  it('moves stock/priceCents to the first row and tiers.N to row N+1; the rest stays general', () => {
    expect(
      formErrorsFromCore(
        'checkoutUrl: checkoutUrl must not contain a user name or password; priceCents: Too big; ' +
          'tiers.0.name: tier name is required; tiers.1.priceCents: Too small; obsActions.start.0.scene: Too small',
      ),
    ).toEqual({
      fields: {
        checkoutUrl: 'checkoutUrl must not contain a user name or password',
        'tier0.price': 'Too big',
        'tier1.name': 'tier name is required',
        'tier2.price': 'Too small',
      },
      general: ['obsActions.start.0.scene: Too small'],
    });
  });
});

describe('OBS rows inside the drop form', () => {
  it('carry their errors out with the row key', () => {
    const row = { ...newObsRow('end'), kind: 'showSource' as const, scene: 'Main' };
    const built = toCreateInput(filled({ obsActions: [row] }));
    expect(Object.keys(built.ok ? {} : built.errors)).toEqual([`obs.${row.key}.source`]);
  });
});

describe('changes made elsewhere', () => {
  it('count only the settings this form edits, not sales, state or schedule', () => {
    const d = drop();
    const same = editableSettings(d);
    expect(
      editableSettings({ ...d, sold: 3, stock: 47, state: 'scheduled', scheduledAt: 5, updatedAt: 9 }),
    ).toBe(same);
    expect(editableSettings({ ...d, title: 'Other' })).not.toBe(same);
    expect(editableSettings({ ...d, holds: { ...d.holds, mode: 'always' } })).not.toBe(same);
    expect(editableSettings({ ...d, obsActions: null })).not.toBe(same);
  });
});
