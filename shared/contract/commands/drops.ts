import { z } from 'zod';
import {
  CalendarQuerySchema,
  CalendarSchema,
  CreateDropSchema,
  DropSchema,
  ExtendDropSchema,
  RestockDropSchema,
  ScheduleDropSchema,
  UpdateDropSchema,
} from '../../drops';
import { command } from '../command';
import { Id, NoInput } from '../fields';

const DropRef = z.object({ id: Id });
/** Every transition answers the new drop, or why not. */
const TRANSITION_ERRORS = ['bad_request', 'not_found', 'invalid_transition'] as const;

/** The drop editor and the drop state machine. Co-hosts run drops; only the host shapes them. */
export const dropCommands = {
  'drop:create': command({
    access: 'host',
    method: 'POST',
    path: '/api/drops',
    status: 201,
    input: CreateDropSchema,
    output: DropSchema,
    summary: 'Create a drop (draft) with one tier, or several',
    errors: ['bad_request'],
  }),
  'drop:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/drops',
    input: NoInput,
    output: z.array(DropSchema),
    summary: 'All drops, newest first',
  }),
  'drop:get': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/drops/:id',
    input: DropRef,
    output: DropSchema,
    summary: 'One drop with state, stock, sold and endsAt',
    errors: ['not_found'],
  }),
  'drop:update': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/drops/:id',
    input: UpdateDropSchema.extend({ id: Id }),
    output: DropSchema,
    summary: 'Edit a drop that has not started',
    errors: TRANSITION_ERRORS,
  }),
  'drop:start': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/start',
    input: DropRef,
    output: DropSchema,
    summary: 'Go live now: early access (if any), then the public window; sets endsAt',
    errors: TRANSITION_ERRORS,
  }),
  'drop:extend': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/extend',
    input: ExtendDropSchema.extend({ id: Id }),
    output: DropSchema,
    summary: 'Add seconds to a live drop',
    errors: TRANSITION_ERRORS,
  }),
  'drop:end': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/end',
    input: DropRef,
    output: DropSchema,
    summary: 'End a live (or sold-out) drop now',
    errors: TRANSITION_ERRORS,
  }),
  'drop:restock': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/restock',
    input: RestockDropSchema.extend({ id: Id }),
    output: DropSchema,
    summary: 'Add units to a tier; a sold-out drop with time left goes live again',
    errors: TRANSITION_ERRORS,
  }),
  'drop:schedule': command({
    access: 'host',
    method: 'POST',
    path: '/api/drops/:id/schedule',
    input: ScheduleDropSchema.extend({ id: Id }),
    output: DropSchema,
    summary: 'Schedule a draft (or move a scheduled drop) to start by itself at a time, up to a year ahead',
    errors: TRANSITION_ERRORS,
  }),
  'drop:unschedule': command({
    access: 'host',
    method: 'DELETE',
    path: '/api/drops/:id/schedule',
    input: DropRef,
    output: DropSchema,
    summary: 'Cancel a schedule; the drop goes back to draft',
    errors: TRANSITION_ERRORS,
  }),
  'calendar:get': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/calendar',
    input: CalendarQuerySchema,
    output: CalendarSchema,
    summary: 'Upcoming scheduled drops, grouped by local date',
    errors: ['bad_request'],
  }),
};
