export * from './inbox.projection';
export * from './failed-notifications.projection';
export * from './send-backlog.projection';

import { failedNotifications } from './failed-notifications.projection';
import { inbox } from './inbox.projection';
import { sendBacklog } from './send-backlog.projection';

export const projections = [inbox, failedNotifications, sendBacklog] as const;
