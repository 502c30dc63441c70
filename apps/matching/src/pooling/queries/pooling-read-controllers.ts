import { BundlesController } from './bundles.controller';
import { GapsController } from './gaps.controller';
import { ProviderBundlesController } from './provider-bundles.controller';
import { ProviderGapsController } from './provider-gaps.controller';

/** The read side of pooling: gap report, bundles, and the provider's view of both. */
export const POOLING_READ_CONTROLLERS = [GapsController, BundlesController, ProviderGapsController, ProviderBundlesController];
