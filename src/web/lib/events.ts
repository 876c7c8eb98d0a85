import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { segment } from './api.ts';
import { invalidateGroup } from './resource.ts';

/** What the server says has changed in a group; the data carries ids only. */
export type GroupEventKind = 'consensus' | 'vote' | 'decision' | 'checkin' | 'agenda' | 'meeting';

const KINDS: GroupEventKind[] = ['consensus', 'vote', 'decision', 'checkin', 'agenda', 'meeting'];

/** `reconnected`: the connection is back after a break, and anything may have changed. */
export type GroupEvent = { kind: GroupEventKind | 'reconnected'; ids: Record<string, unknown> };

type Listener = {
  kinds: readonly GroupEventKind[];
  onEvent: (event: GroupEvent) => void;
  /** Called when the connection breaks or comes back. */
  onHealth: () => void;
};

type Channel = { source: EventSource; listeners: Set<Listener>; failed: boolean };

/** One connection per group, shared by every part of the page that listens to it. */
const channels = new Map<string, Channel>();

/**
 * Every change the server reports, and a reconnection, makes the group's cached
 * answers stale, so whatever is on screen is fetched again once per event.
 */
function open(groupId: string, client: QueryClient): Channel {
  const source = new EventSource(`/api/v1/groups/${segment(groupId)}/events`);
  const channel: Channel = { source, listeners: new Set(), failed: false };
  const health = (failed: boolean) => {
    if (channel.failed === failed) return;
    channel.failed = failed;
    for (const listener of channel.listeners) listener.onHealth();
    if (!failed) {
      void invalidateGroup(client, groupId);
      for (const listener of channel.listeners) listener.onEvent({ kind: 'reconnected', ids: {} });
    }
  };
  source.addEventListener('open', () => health(false));
  source.addEventListener('error', () => health(true));
  for (const kind of KINDS) {
    source.addEventListener(kind, (message) => {
      let ids: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse((message as MessageEvent<string>).data);
        if (parsed && typeof parsed === 'object') ids = parsed as Record<string, unknown>;
      } catch {
        ids = {};
      }
      void invalidateGroup(client, groupId);
      for (const listener of channel.listeners) {
        if (listener.kinds.includes(kind)) listener.onEvent({ kind, ids });
      }
    });
  }
  return channel;
}

const supported = typeof EventSource !== 'undefined';

const ignore = () => undefined;

/**
 * Listens to the group's live updates while the page is open: each one makes
 * the group's cached answers stale, so the page shows the change without
 * reloading. `onEvent` is for anything more, when the server says something of
 * these kinds changed. `failed` is true while the connection is broken: the
 * page then falls back to fetching on a timer.
 */
export function useGroupEvents(
  groupId: string | null,
  kinds: readonly GroupEventKind[],
  onEvent: (event: GroupEvent) => void = ignore,
): { failed: boolean } {
  const client = useQueryClient();
  const latest = useRef(onEvent);
  const key = kinds.join(',');

  useEffect(() => {
    latest.current = onEvent;
  }, [onEvent]);

  const subscribe = useCallback(
    (notify: () => void) => {
      if (groupId === null || !supported) return () => undefined;
      let channel = channels.get(groupId);
      if (!channel) {
        channel = open(groupId, client);
        channels.set(groupId, channel);
      }
      const listener: Listener = {
        kinds: key.split(',') as GroupEventKind[],
        onEvent: (event) => latest.current(event),
        onHealth: notify,
      };
      channel.listeners.add(listener);
      return () => {
        const current = channels.get(groupId);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size === 0) {
          current.source.close();
          channels.delete(groupId);
        }
      };
    },
    [groupId, key, client],
  );

  const failed = useSyncExternalStore(subscribe, () =>
    groupId === null ? false : !supported || (channels.get(groupId)?.failed ?? false),
  );
  return { failed };
}
