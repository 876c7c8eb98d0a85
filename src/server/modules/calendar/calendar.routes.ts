import { z } from 'zod';
import { ok } from '../../../contracts/common.ts';
import * as c from '../../../contracts/meetings.ts';
import { endpoint, routes } from '../../endpoints.ts';
import * as reminders from '../meetings/reminders.service.ts';
import * as calendar from './calendar.service.ts';

export const calendarRoutes = routes('Calendar', {
  listCalendarFeeds: endpoint({
    route: 'GET /api/v1/calendar-feeds',
    access: 'calendar.feeds',
    summary: 'My calendar feeds (their secret addresses are shown only when made)',
    response: { 200: c.feedList },
    run: calendar.listCalendarFeeds,
  }),
  createCalendarFeed: endpoint({
    route: 'POST /api/v1/calendar-feeds',
    access: 'calendar.feeds',
    summary: 'Make a secret calendar feed address: one group’s meetings, or all of mine',
    body: c.createFeedBody,
    response: { 201: c.calendarFeed },
    run: calendar.createCalendarFeed,
  }),
  revokeCalendarFeed: endpoint({
    route: 'DELETE /api/v1/calendar-feeds/:feedId',
    access: 'calendar.feeds',
    summary: 'Revoke a calendar feed: its address stops working',
    params: c.feedParams,
    response: { 200: ok },
    run: calendar.revokeCalendarFeed,
  }),
  getCalendarFeed: endpoint({
    route: 'GET /api/v1/calendar/:token/meetings.ics',
    access: 'calendar.read',
    summary: 'A calendar feed (text/calendar), by its secret address',
    params: c.feedTokenParams,
    response: { 200: z.string() },
    run: async ({ token }, { deps, reply }) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendar.getCalendarFeed(deps, token)),
  }),
  getNotificationSettings: endpoint({
    route: 'GET /api/v1/me/notifications',
    access: 'notifications.settings',
    summary: 'Which meeting reminders I get by email',
    response: { 200: c.notificationSettings },
    run: reminders.getNotificationSettings,
  }),
  updateNotificationSettings: endpoint({
    route: 'PUT /api/v1/me/notifications',
    access: 'notifications.settings',
    summary: 'Choose the meeting reminders I get: a week before, a day before',
    body: c.notificationSettingsBody,
    response: { 200: c.notificationSettings },
    run: reminders.updateNotificationSettings,
  }),
});
