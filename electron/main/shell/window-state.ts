import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };

function stateFile(dir: string) {
  return path.join(dir, 'window-state.json');
}

/** The last size and position, if they still fit on a connected display. */
export function loadWindowState(dir: string): WindowState & { placed: boolean } {
  try {
    const saved = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as WindowState;
    const area = screen.getDisplayMatching(saved.bounds).workArea;
    const visible =
      saved.bounds.x < area.x + area.width &&
      saved.bounds.x + saved.bounds.width > area.x &&
      saved.bounds.y < area.y + area.height &&
      saved.bounds.y + saved.bounds.height > area.y;
    if (visible && saved.bounds.width >= 800 && saved.bounds.height >= 560) return { ...saved, placed: true };
  } catch {
    // First run, or an unreadable file: fall back to the default size, centred.
  }
  return { ...DEFAULT, placed: false };
}

export function trackWindowState(window: BrowserWindow, dir: string): void {
  const save = () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    fs.writeFileSync(stateFile(dir), JSON.stringify(state));
  };
  window.on('close', save);
}
