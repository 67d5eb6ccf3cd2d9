import type { Migration } from '../migrate';
import { migration001 } from './001-initial';
import { migration002 } from './002-devices';
import { migration003 } from './003-ledger-foundation';
import { migration004 } from './004-relay-ingest';
import { migration005 } from './005-ledger-ingestion';
import { migration006 } from './006-insights';
import { migration007 } from './007-chat';
import { migration008 } from './008-link-targets';

/** In order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];
