import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How close to the last loaded row (in rows) scrolling asks for the next page, so it arrives before it is needed. */
const PREFETCH_ROWS = 30;

/**
 * Table rows virtualised against the window's scroll, for a table that is part of a scrolling
 * page: only the rows in view (plus `overscan`) are in the DOM. Rows may differ in height (each
 * row element registers with `measure`). When the rows in view come within PREFETCH_ROWS of the
 * end, `loadMore` is called for the next page. Returns the rows to draw and the heights (px) of
 * the spacer rows above and below them, which keep the scrollbar true to the whole list.
 */
export function useWindowRows({ count, estimateSize, loadMore, overscan = 8 }: { count: number; estimateSize: number; loadMore(): void; overscan?: number }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    // The virtualiser needs the table's distance from the page top; totals or notices appearing above move it.
    const update = () => setScrollMargin(Math.round(body.getBoundingClientRect().top + window.scrollY));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(body.closest('main') ?? document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => estimateSize, overscan, scrollMargin });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (count > 0 && lastIndex >= count - PREFETCH_ROWS) loadMore();
  }, [lastIndex, count, loadMore]);
  const paddingTop = items.length ? items[0]!.start - scrollMargin : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0;
  return { bodyRef, items, paddingTop, paddingBottom, measure: virtualizer.measureElement };
}
