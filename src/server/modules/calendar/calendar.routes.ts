import { z } from 'zod';
import { ok } from '../../../contracts/common.ts';
import * as c from '../../../contracts/meetings.ts';
import { endpoint, op, routes } from '../../endpoints.ts';
import * as reminders from '../meetings/reminders.service.ts';
import * as calendar from './calendar.service.ts';

// One row an operation: method and URL, who may call it, the use case, input and answers, summary.
// prettier-ignore
export const calendarRoutes = routes('Calendar', {
  listCalendarFeeds: op('GET /api/v1/calendar-feeds', 'calendar.feeds', calendar.listCalendarFeeds, { response: { 200: c.feedList } }, 'My calendar feeds (their secret addresses are shown only when made)'),
  createCalendarFeed: op('POST /api/v1/calendar-feeds', 'calendar.feeds', calendar.createCalendarFeed, { body: c.createFeedBody, response: { 201: c.calendarFeed } }, 'Make a secret calendar feed address: one group’s meetings, or all of mine'),
  revokeCalendarFeed: op('DELETE /api/v1/calendar-feeds/:feedId', 'calendar.feeds', calendar.revokeCalendarFeed, { params: c.feedParams, response: { 200: ok } }, 'Revoke a calendar feed: its address stops working'),
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
  getNotificationSettings: op('GET /api/v1/me/notifications', 'notifications.settings', reminders.getNotificationSettings, { response: { 200: c.notificationSettings } }, 'Which meeting reminders I get by email'),
  updateNotificationSettings: op('PUT /api/v1/me/notifications', 'notifications.settings', reminders.updateNotificationSettings, { body: c.notificationSettingsBody, response: { 200: c.notificationSettings } }, 'Choose the meeting reminders I get: a week before, a day before'),
});
