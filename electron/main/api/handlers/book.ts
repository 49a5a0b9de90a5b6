import { exportBook } from '../../book-export/export';
import type { Handlers } from '../handler';

export const bookHandlers: Handlers<'book.export' | 'book.import'> = {
  'book.export': async (ctx) => {
    const { fileName, bytes, counts } = await exportBook(ctx.holder.store().sqlite.name, new Date(ctx.now));
    return { fileName, dataBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), counts };
  },
  'book.import': (ctx, { dataBase64 }) => ctx.holder.importBook(Buffer.from(dataBase64, 'base64')),
};
