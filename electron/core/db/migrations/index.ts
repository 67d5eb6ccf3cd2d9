import type { Migration } from '../migrate';
import { migration001 } from './001-initial';

/** In order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001];
