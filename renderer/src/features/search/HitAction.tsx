import { Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import type { ReactNode } from 'react';
import type { SearchHit } from '../../../../shared/api/search';

/**
 * Spotlight's own colour for an action's description: dimmed, and the primary colour's contrast
 * colour on the highlighted entry. Its 0.7 opacity is left out, which would fail contrast there.
 */
const DESCRIPTION_COLOR = 'var(--action-description-color, var(--mantine-color-dimmed))';

/** The snippet's text with the words the search matched marked. */
function marked({ text, highlights }: SearchHit['snippet']): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** One search hit in the palette: its title and the passage that matched; choosing it opens the record. */
export function HitAction({ hit, onOpen }: { hit: SearchHit; onOpen: (href: string) => void }) {
  return (
    <Spotlight.Action onClick={() => onOpen(hit.href)} data-testid="search-hit">
      <div>
        <Text size="sm" fw={600}>
          {hit.title}
        </Text>
        {hit.snippet.text && (
          <Text size="xs" lineClamp={2} style={{ color: DESCRIPTION_COLOR }}>
            {marked(hit.snippet)}
          </Text>
        )}
      </div>
    </Spotlight.Action>
  );
}
