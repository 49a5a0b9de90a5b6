import { searchBook } from '../../search/search';
import type { Handlers } from '../handler';

export const searchHandlers: Handlers<'search.query'> = {
  'search.query': (ctx, query) => searchBook(ctx.db(), query),
};
