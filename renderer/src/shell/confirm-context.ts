import { createContext, useContext } from 'react';

export interface ConfirmRequest {
  title: string;
  /** What happens, in the host's words ("Buyers can no longer check out"). */
  body: string;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
}

/** Resolves true when the person confirmed, false on Cancel, Escape or a click outside. */
export type Confirm = (request: ConfirmRequest) => Promise<boolean>;

export const ConfirmContext = createContext<Confirm | null>(null);

/**
 * The panel's one "are you sure?" for actions where a slip would hurt mid-show (ending a drop,
 * starting a scheduled one early, revoking a device). Outside a provider (tests of a lone
 * component) it confirms nothing.
 */
export function useConfirm(): Confirm {
  return useContext(ConfirmContext) ?? (() => Promise.resolve(false));
}
