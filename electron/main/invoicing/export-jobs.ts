import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../db/client';
import { issuedDocumentsBetween } from '../../../db/invoices';
import type { ExportJob } from '../../../shared/api/invoices';
import { notFound } from '../errors';
import { issuedPdf } from './documents';
import { writeFileInside } from './safe-write';

interface Job extends ExportJob {
  cancelRequested: boolean;
}

/**
 * Bulk PDF exports run in the background, one invoice per turn of the event loop, so the app stays
 * responsive; the renderer polls status for the progress bar and can cancel between files.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  /** Exports every issued document dated `from`..`to` (ISO dates, inclusive, null = open), oldest first. */
  startRange(db: () => DbOrTx, folder: string, range: { from: string | null; to: string | null }, now: () => string): ExportJob {
    return this.start(db, folder, issuedDocumentsBetween(db(), range.from, range.to), now);
  }

  /** Exports the given issued documents into `folder`, in order; returns the running job. */
  start(db: () => DbOrTx, folder: string, invoices: { id: number; number: string }[], now: () => string): ExportJob {
    const job: Job = { jobId: randomUUID(), state: 'running', folder, total: invoices.length, written: 0, failures: [], cancelRequested: false };
    this.jobs.set(job.jobId, job);
    void this.run(job, db, invoices, now);
    return this.view(job);
  }

  private async run(job: Job, db: () => DbOrTx, invoices: { id: number; number: string }[], now: () => string) {
    for (const invoice of invoices) {
      if (job.cancelRequested) break;
      try {
        const { pdf, fileName } = await issuedPdf(db(), invoice.id, now());
        writeFileInside(job.folder, fileName, pdf);
        job.written += 1;
      } catch (error) {
        job.failures.push({ number: invoice.number, reason: error instanceof Error ? error.message : String(error) });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    job.state = job.cancelRequested ? 'cancelled' : 'done';
  }

  status(jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound('This export');
    return this.view(job);
  }

  cancel(jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound('This export');
    if (job.state === 'running') job.cancelRequested = true;
    return this.view(job);
  }

  /** Resolves when a job has stopped; for tests and benchmarks. */
  async finished(jobId: string): Promise<ExportJob> {
    while (this.jobs.get(jobId)?.state === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    return this.status(jobId);
  }

  private view({ cancelRequested: _c, failures, ...job }: Job): ExportJob {
    return { ...job, failures: [...failures] };
  }
}
