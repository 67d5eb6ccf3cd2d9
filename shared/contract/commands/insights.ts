import { z } from 'zod';
import {
  AttributionQuerySchema,
  AttributionRebuildSchema,
  AttributionRebuiltSchema,
  AttributionSchema,
  RebuildSchema,
  StatsRebuiltSchema,
} from '../../insights/attribution';
import { LiveKpiQuerySchema, LiveKpisSchema, ShowKpisSchema } from '../../insights/kpis';
import { ShowReportSchema } from '../../insights/report';
import {
  CreateShowSchema,
  SetSplitsSchema,
  ShowCostInputSchema,
  ShowSchema,
  UpdateShowSchema,
} from '../../insights/shows';
import { StatementQuerySchema, StatementSchema } from '../../insights/splits';
import { command } from '../command';
import { Id, NoInput } from '../fields';

const ShowRef = z.object({ id: Id }).strict();
const SHOW_ERRORS = ['bad_request', 'not_found'] as const;

/**
 * Shows, attribution, KPIs, creator splits and the after-show report (issue 8, insights half).
 * The host shapes shows and reads money; co-hosts may watch the live KPIs (counts and rates only).
 */
export const insightCommands = {
  'show:create': command({
    access: 'host',
    method: 'POST',
    path: '/api/shows',
    status: 201,
    input: CreateShowSchema,
    output: ShowSchema,
    summary: 'Create a show (one pop-up night, one stream)',
    errors: ['bad_request'],
  }),
  'show:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/shows',
    input: NoInput,
    output: z.array(ShowSchema),
    summary: 'All shows, newest first',
  }),
  'show:get': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/shows/:id',
    input: ShowRef,
    output: ShowSchema,
    summary: 'One show with its drops, touchpoint costs and creator splits',
    errors: ['not_found'],
  }),
  'show:update': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/shows/:id',
    input: UpdateShowSchema,
    output: ShowSchema,
    summary: 'Rename a show or change its window',
    errors: SHOW_ERRORS,
  }),
  'show:assign-drop': command({
    access: 'host',
    method: 'POST',
    path: '/api/shows/:id/drops',
    input: z.object({ id: Id, dropId: Id }).strict(),
    output: ShowSchema,
    summary: 'Put a drop in this show (moving it out of any other)',
    errors: SHOW_ERRORS,
  }),
  'show:unassign-drop': command({
    access: 'host',
    method: 'DELETE',
    path: '/api/shows/:id/drops/:dropId',
    input: z.object({ id: Id, dropId: Id }).strict(),
    output: ShowSchema,
    summary: 'Take a drop out of this show',
    errors: SHOW_ERRORS,
  }),
  'show:set-cost': command({
    access: 'host',
    method: 'POST',
    path: '/api/shows/:id/costs',
    input: ShowCostInputSchema,
    output: ShowSchema,
    summary: 'Set what a touchpoint cost for this show (0 removes nothing: it records a free touchpoint)',
    errors: SHOW_ERRORS,
  }),
  'show:set-splits': command({
    access: 'host',
    method: 'POST',
    path: '/api/shows/:id/splits',
    input: SetSplitsSchema,
    output: ShowSchema,
    summary: 'Replace the creator split of the show, or of one of its drops (percent, two decimals)',
    errors: SHOW_ERRORS,
  }),
  'attribution:get': command({
    access: 'host',
    method: 'GET',
    path: '/api/attribution',
    input: AttributionQuerySchema,
    output: AttributionSchema,
    summary: 'Credit per touchpoint under one model or all side by side (rebuilt first if its facts changed)',
    errors: SHOW_ERRORS,
  }),
  'attribution:rebuild': command({
    access: 'host',
    method: 'POST',
    path: '/api/attribution/rebuild',
    input: AttributionRebuildSchema,
    output: AttributionRebuiltSchema,
    summary: "Derive a show's attribution credits again from its clicks and ledger entries",
    errors: SHOW_ERRORS,
  }),
  'kpi:show': command({
    access: 'host',
    method: 'GET',
    path: '/api/shows/:id/kpis',
    input: ShowRef,
    output: ShowKpisSchema,
    summary: 'Every KPI of a show (formulas in docs/kpis.md)',
    errors: SHOW_ERRORS,
  }),
  'kpi:live': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/shows/:id/kpis/live',
    input: LiveKpiQuerySchema,
    output: LiveKpisSchema,
    summary: 'Live KPIs of a show over the last minutes: clicks per minute, conversion, sell-through',
    errors: SHOW_ERRORS,
  }),
  'report:show': command({
    access: 'host',
    method: 'GET',
    path: '/api/shows/:id/report',
    input: ShowRef,
    output: ShowReportSchema,
    summary: 'The after-show report: show, KPIs, attribution under every model, creator splits',
    errors: SHOW_ERRORS,
  }),
  'split:statement': command({
    access: 'host',
    method: 'GET',
    path: '/api/shows/:id/statement',
    input: StatementQuerySchema,
    output: StatementSchema,
    summary: "A creator's statement: their share per scope and the ledger entries behind it",
    errors: SHOW_ERRORS,
  }),
  'stats:rebuild': command({
    access: 'host',
    method: 'POST',
    path: '/api/stats/rebuild',
    input: RebuildSchema,
    output: StatsRebuiltSchema,
    summary: 'Recompute the per-minute rollup of a drop or a show from clicks and ledger entries',
    errors: SHOW_ERRORS,
  }),
};
