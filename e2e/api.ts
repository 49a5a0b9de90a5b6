import type { TestApp } from './fixtures';

/** Calls the browser host's API directly, as a script holding the run's token would. */
export async function hostCall<T = unknown>(app: TestApp, name: string, input: unknown): Promise<{ ok: boolean; value: T; error?: { code: string; message: string; fieldErrors: Record<string, string> } }> {
  const response = await app.page.request.post(new URL(`/api/${name}`, app.hostUrl!).toString(), {
    headers: { 'x-billable-token': app.hostToken!, 'content-type': 'application/json' },
    data: { input },
  });
  return response.json();
}
