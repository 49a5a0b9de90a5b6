import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { dueReminders, readFired, rememberFired } from './reminders';

/** How often due reminders are looked for, and how often the Today list is read again. */
const TICK_MS = 30_000;
const REFRESH_MS = 5 * 60_000;

/**
 * Fires each reminder once (issue 15 §5): a call ten minutes before it starts, a follow-up when it
 * falls due. Electron shows it as an OS notification through the desktop shell (`app.notify`); the
 * browser host, which has none, gets an in-app notice that opens the lead. Renders nothing.
 */
/** How long an in-app reminder stays on screen. */
const REMINDER_SHOWN_MS = 15_000;

export function ReminderScheduler() {
  const agenda = useApiQuery('today.agenda', undefined, { refetchInterval: REFRESH_MS });
  const navigate = useNavigate();
  const items = agenda.data?.items;
  const firing = useRef(false);

  useEffect(() => {
    if (!items) return;
    const check = async () => {
      if (firing.current) return;
      firing.current = true;
      try {
        const fired = readFired(localStorage);
        for (const reminder of dueReminders(items, Date.now(), fired)) {
          fired.add(reminder.id);
          rememberFired(localStorage, fired);
          const { shown } = await call('app.notify', { title: reminder.title, body: reminder.body }).catch(() => ({ shown: false }));
          if (!shown) {
            // Title and text in the body's own colour: Mantine's description under a title is too faint for WCAG AA.
            const message = (
              <>
                <Text size="sm" fw={600} c="bright">
                  {reminder.title}
                </Text>
                <Text size="sm" c="bright">
                  {reminder.body}
                </Text>
              </>
            );
            // It closes itself after a while, so a few at once never pin over a dialog's buttons; Today keeps the list.
            notifications.show({ id: reminder.id, message, autoClose: REMINDER_SHOWN_MS, onClick: () => void navigate(`/leads/${reminder.leadId}`), style: { cursor: 'pointer' } });
          }
        }
      } finally {
        firing.current = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), TICK_MS);
    return () => clearInterval(timer);
  }, [items, navigate]);

  return null;
}
