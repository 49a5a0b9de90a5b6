import { z } from 'zod';
import { appStatusSchema, restoreBackupInput } from './app';
import type { CallName } from './call-names';
import {
  clientInput,
  clientListQuery,
  clientSchema,
  clientSummarySchema,
  clientUpdateInput,
  contactInput,
  contactSchema,
  contactUpdateInput,
} from './clients';
import { id } from './fields';
import { logoInput, profileInput, profileSchema } from './profile';

/** Query families a mutation makes stale, so the renderer knows what to refetch. */
export type Family = 'app' | 'profile' | 'clients';

export interface CallDef {
  input: z.ZodType;
  output: z.ZodType;
  family: Family;
  invalidates?: readonly Family[];
}

const none = z.undefined();
const byId = z.object({ id });

/** The API: every call declared once, with its input and output schemas. */
export const contract = {
  'app.status': { input: none, output: appStatusSchema, family: 'app' },
  'app.restoreBackup': { input: restoreBackupInput, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients'] },
  'app.startFresh': { input: none, output: appStatusSchema, family: 'app', invalidates: ['app', 'profile', 'clients'] },

  'profile.get': { input: none, output: profileSchema.nullable(), family: 'profile' },
  'profile.save': { input: profileInput, output: profileSchema, family: 'profile', invalidates: ['profile', 'app'] },
  'profile.setLogo': { input: logoInput, output: profileSchema, family: 'profile', invalidates: ['profile'] },
  'profile.removeLogo': { input: none, output: profileSchema, family: 'profile', invalidates: ['profile'] },

  'clients.list': { input: clientListQuery, output: z.array(clientSummarySchema), family: 'clients' },
  'clients.get': { input: byId, output: clientSchema, family: 'clients' },
  'clients.create': { input: clientInput, output: clientSchema, family: 'clients', invalidates: ['clients'] },
  'clients.update': { input: clientUpdateInput, output: clientSchema, family: 'clients', invalidates: ['clients'] },
  'clients.setArchived': {
    input: z.object({ id, archived: z.boolean() }),
    output: clientSchema,
    family: 'clients',
    invalidates: ['clients'],
  },

  'contacts.create': { input: contactInput, output: contactSchema, family: 'clients', invalidates: ['clients'] },
  'contacts.update': { input: contactUpdateInput, output: contactSchema, family: 'clients', invalidates: ['clients'] },
  'contacts.delete': { input: byId, output: z.object({ id }), family: 'clients', invalidates: ['clients'] },
} as const satisfies Record<CallName, CallDef>;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
