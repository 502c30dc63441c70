import { RunningPlatform } from '@bildungsraum/testing';
import { Api } from './api';

/** One client per service of a running platform. */
export function apisOf(platform: RunningPlatform) {
  return {
    partners: new Api('partners', platform.url('partners')),
    needs: new Api('needs', platform.url('needs')),
    catalogue: new Api('catalogue', platform.url('catalogue')),
    matching: new Api('matching', platform.url('matching')),
    notifications: new Api('notifications', platform.url('notifications')),
  };
}

export type PlatformApis = ReturnType<typeof apisOf>;
