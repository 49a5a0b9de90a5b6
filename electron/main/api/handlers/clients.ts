import { createClient, getClient, listClients, setClientArchived, updateClient } from '../../../../db/clients';
import { createContact, deleteContact, updateContact } from '../../../../db/contacts';
import { found, notFound } from '../../errors';
import type { Handlers } from '../handler';

export const clientHandlers: Handlers<
  'clients.list' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.setArchived'
> = {
  'clients.list': (ctx, query) => listClients(ctx.db(), query),
  'clients.get': (ctx, { id }) => found(getClient(ctx.db(), id), 'This client'),
  'clients.create': (ctx, input) => createClient(ctx.db(), input, ctx.now),
  'clients.update': (ctx, input) => found(updateClient(ctx.db(), input, ctx.now), 'This client'),
  'clients.setArchived': (ctx, { id, archived }) => found(setClientArchived(ctx.db(), id, archived, ctx.now), 'This client'),
};

export const contactHandlers: Handlers<'contacts.create' | 'contacts.update' | 'contacts.delete'> = {
  'contacts.create': (ctx, input) => {
    found(getClient(ctx.db(), input.clientId), 'This client');
    return createContact(ctx.db(), input, ctx.now);
  },
  'contacts.update': (ctx, input) => found(updateContact(ctx.db(), input, ctx.now), 'This contact'),
  'contacts.delete': (ctx, { id }) => {
    if (!deleteContact(ctx.db(), id)) throw notFound('This contact');
    return { id };
  },
};
