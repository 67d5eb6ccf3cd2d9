import { createContext, useContext } from 'react';
import type { Touchpoint } from '../../../shared/touchpoints';
import type { ApiClient } from './http';

export interface PanelServices {
  api: ApiClient;
  /** The core's clock (epoch ms), estimated from this device's clock plus the measured offset. */
  serverNow: () => number;
  touchpoints: Touchpoint[];
  /** The drop the keyboard shortcuts act on (its buttons show the keys), or null. */
  focusDropId: number | null;
}

export const PanelContext = createContext<PanelServices | null>(null);

export function usePanel(): PanelServices {
  const services = useContext(PanelContext);
  if (!services) throw new Error('usePanel() must be used inside <PanelContext.Provider>');
  return services;
}
