import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from './static-files';

const root = path.resolve('/srv/renderer');

describe('resolveStaticFile', () => {
  it('serves files inside the root and index.html for routes', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets/app.js'));
    expect(resolveStaticFile(root, '/clients/12')).toBe(path.join(root, 'index.html'));
  });

  it.each(['/../etc/passwd', '/assets/../../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/a%00.js', '/%E0%A4%A'])(
    'refuses %s',
    (p) => expect(resolveStaticFile(root, p)).toBeNull(),
  );
});
