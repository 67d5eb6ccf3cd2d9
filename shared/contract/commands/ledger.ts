import { z } from 'zod';
import { DropSchema } from '../../drops';
import {
  CsvImportResultSchema,
  CsvImportSchema,
  CsvPreviewSchema,
  HoldSchema,
  LedgerEntrySchema,
  LedgerSettingsSchema,
  PostSaleSchema,
  RefundSchema,
  TierMappingSchema,
  WebhookStatsSchema,
} from '../../ledger';
import { command } from '../command';
import { Id, NoInput, QueryInt } from '../fields';

/**
 * The ledger's ingestion half (issue 8): posting money already taken (manual/POS, CSV), refunds,
 * stock holds, a drop's hold/refund settings, shop key → tier mappings and webhook counters.
 * (Stripe and Shopify post through their signed webhook routes, which are not commands.)
 */
export const ledgerCommands = {
  'sale:post': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/ledger/purchases',
    input: PostSaleSchema,
    output: LedgerEntrySchema,
    status: (e) => (e.duplicate ? 200 : 201),
    summary:
      'Post a sale already paid (card reader, cash): never refused for the window or stock — oversold units are flagged',
    description:
      'Idempotent on (source, externalId). Joins the scan by `redemptionCode` (the code the buyer was shown) or `ref`.',
    errors: ['bad_request', 'not_found', 'conflict'],
  }),
  'sale:refund': command({
    access: 'host',
    method: 'POST',
    path: '/api/ledger/entries/:id/refunds',
    input: RefundSchema,
    output: LedgerEntrySchema,
    status: (e) => (e.duplicate ? 200 : 201),
    summary:
      'Refund a purchase, wholly or in part; restocks per the drop setting unless `restock` says otherwise',
    errors: ['bad_request', 'not_found', 'conflict'],
  }),
  'sale:import-preview': command({
    access: 'host',
    method: 'POST',
    path: '/api/ledger/import/preview',
    input: CsvImportSchema,
    output: CsvPreviewSchema,
    summary: 'Parse a card-reader/POS CSV export: each row with its money, errors and match confidence',
    errors: ['bad_request'],
  }),
  'sale:import': command({
    access: 'host',
    method: 'POST',
    path: '/api/ledger/import',
    input: CsvImportSchema,
    output: CsvImportResultSchema,
    summary:
      'Import a CSV export: all rows in one transaction or none; importing the same file again changes nothing',
    errors: ['bad_request', 'conflict'],
  }),
  'hold:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/drops/:id/holds',
    input: z.object({ id: Id, limit: QueryInt(z.int().min(1).max(1000)).default(200) }),
    output: z.array(HoldSchema),
    summary: "A drop's stock holds, newest first (expired ones are settled first)",
    errors: ['not_found'],
  }),
  'drop:ledger-settings': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/drops/:id/ledger-settings',
    input: LedgerSettingsSchema,
    output: DropSchema,
    summary: "Set a drop's stock-holds policy (off, last units, always) and whether refunds restock",
    errors: ['bad_request', 'not_found'],
  }),
  'tier:map': command({
    access: 'host',
    method: 'POST',
    path: '/api/tiers/:tierId/mappings',
    input: TierMappingSchema,
    output: TierMappingSchema,
    summary: 'Map a shop SKU, Shopify variant id or Stripe price id to a tier (for webhook line items)',
    errors: ['bad_request', 'not_found'],
  }),
  'webhook:stats': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/webhooks/stats',
    input: NoInput,
    output: WebhookStatsSchema,
    summary:
      'Per-source webhook deliveries accepted, duplicate, ignored and rejected (persisted), and the last rejection',
  }),
};
