import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * Props that make a table row open `to`: on click, or on Enter once tabbed to. Spread them on
 * the row element.
 */
export function useOpenRow(to: string) {
  const navigate = useNavigate();
  const open = () => navigate(to);
  return {
    className: 'clickable-row',
    tabIndex: 0,
    onClick: open,
    onKeyDown: (event: KeyboardEvent) => event.key === 'Enter' && open(),
  };
}
