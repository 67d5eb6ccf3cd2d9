import { z } from 'zod';
import { AttributionSchema } from './attribution';
import { ShowKpisSchema } from './kpis';
import { ShowSchema } from './shows';
import { SplitScopeSchema } from './splits';

/** Everything the after-show report page draws, in one answer. */
export const ShowReportSchema = z.object({
  show: ShowSchema,
  drops: z.array(z.object({ id: z.int(), title: z.string(), state: z.string(), currency: z.string() })),
  kpis: ShowKpisSchema,
  attribution: AttributionSchema,
  splits: z.array(SplitScopeSchema),
});
export type ShowReport = z.infer<typeof ShowReportSchema>;
