import { ChannelsController } from './channels/http/channels.controller';
import { DeliveriesController } from './delivery/http/deliveries.controller';
import { InboxController } from './inbox/http/inbox.controller';
import { SubscriptionsController } from './subscriptions/http/subscriptions.controller';

/** The HTTP API (also what scripts/write-openapi.ts documents). */
export const HTTP_CONTROLLERS = [ChannelsController, SubscriptionsController, DeliveriesController, InboxController];
