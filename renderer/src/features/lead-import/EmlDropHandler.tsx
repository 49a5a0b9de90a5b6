import { useEffect, useRef } from 'react';
import { useLeadFromEml } from './useLeadFromEml';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Window-wide: an .eml file dropped anywhere on the app becomes a lead (issue 15 §1). A drop an
 * inner drop zone already handled (defaultPrevented) is left to it; any other file dropped is
 * refused with a notice rather than opened by the window. Renders nothing.
 */
export function EmlDropHandler() {
  const { importEml } = useLeadFromEml();
  const latest = useRef(importEml);
  useEffect(() => {
    latest.current = importEml;
  });
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.defaultPrevented && carriesFiles(event)) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      }
    };
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void latest.current(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return null;
}
