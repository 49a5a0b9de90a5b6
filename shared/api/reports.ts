import { z } from 'zod';

/** The accountant's export: four CSV files in one zip, base64, and how many rows each holds. */
export const accountantExportOutput = z.object({
  fileName: z.string(),
  dataBase64: z.string(),
  counts: z.object({ documents: z.number().int(), lines: z.number().int(), payments: z.number().int(), expenses: z.number().int() }),
});
