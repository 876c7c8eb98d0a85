import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ok } from '../../../contracts/common.ts';
import * as c from '../../../contracts/meetings.ts';
import type { Deps } from '../../deps.ts';
import { errors, typed } from '../../http.ts';
import * as reminders from '../meetings/reminders.service.ts';
import * as calendar from './calendar.service.ts';

const tags = ['Calendar'];

export function calendarRoutes(app: FastifyInstance, deps: Deps): void {
  const api = typed(app);

  api.get('/api/v1/calendar-feeds', {
    schema: {
      operationId: 'listCalendarFeeds',
      tags,
      summary: 'My calendar feeds (their secret addresses are shown only when made)',
      response: { 200: c.feedList, ...errors },
    },
    handler: async (request) => calendar.listCalendarFeeds(deps, request.actor),
  });

  api.post('/api/v1/calendar-feeds', {
    schema: {
      operationId: 'createCalendarFeed',
      tags,
      summary: 'Make a secret calendar feed address: one group’s meetings, or all of mine',
      body: c.createFeedBody,
      response: { 201: c.calendarFeed, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await calendar.createCalendarFeed(deps, request.actor, request.body)),
  });

  api.delete('/api/v1/calendar-feeds/:feedId', {
    schema: {
      operationId: 'revokeCalendarFeed',
      tags,
      summary: 'Revoke a calendar feed: its address stops working',
      params: c.feedParams,
      response: { 200: ok, ...errors },
    },
    handler: async (request) =>
      calendar.revokeCalendarFeed(deps, request.actor, request.params.feedId),
  });

  api.get('/api/v1/calendar/:token/meetings.ics', {
    schema: {
      operationId: 'getCalendarFeed',
      tags,
      summary: 'A calendar feed (text/calendar), by its secret address',
      params: c.feedTokenParams,
      response: { 200: z.string(), ...errors },
    },
    handler: async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendar.getCalendarFeed(deps, request.params.token)),
  });

  api.get('/api/v1/me/notifications', {
    schema: {
      operationId: 'getNotificationSettings',
      tags,
      summary: 'Which meeting reminders I get by email',
      response: { 200: c.notificationSettings, ...errors },
    },
    handler: async (request) => reminders.getNotificationSettings(deps, request.actor),
  });

  api.put('/api/v1/me/notifications', {
    schema: {
      operationId: 'updateNotificationSettings',
      tags,
      summary: 'Choose the meeting reminders I get: a week before, a day before',
      body: c.notificationSettingsBody,
      response: { 200: c.notificationSettings, ...errors },
    },
    handler: async (request) =>
      reminders.updateNotificationSettings(deps, request.actor, request.body),
  });
}
