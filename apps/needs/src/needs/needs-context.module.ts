import { Module } from '@nestjs/common';
import { ChangeNeedController } from './commands/change-need/change-need.controller';
import { ChangeNeedHandler } from './commands/change-need/change-need.handler';
import { CreateNeedController } from './commands/create-need/create-need.controller';
import { CreateNeedHandler } from './commands/create-need/create-need.handler';
import { ExpirySweeper } from './expiry/expiry-sweeper';
import { SiteResolver } from './infra/site-resolver';
import { NeedWriter } from './infra/need-writer';
import { CompanyCache } from '../directory/infra/company-cache';
import { GetNeedController, GetNeedHandler } from './queries/get-need/get-need.controller';
import { ListNeedsController } from './queries/list-needs/list-needs.controller';
import { ListNeedsHandler } from './queries/list-needs/list-needs.handler';
import { NetworkNeedsController } from './queries/network-needs/network-needs.controller';
import { ImportNeedsController, ImportNeedsHandler } from '../imports/commands/import-needs.controller';
import { ImportProcessor } from '../imports/infra/import-processor';

/** Bounded context "needs": capture, lifecycle, lists, bulk intake, expiry. */
@Module({
  controllers: [ListNeedsController, NetworkNeedsController, GetNeedController, CreateNeedController, ChangeNeedController, ImportNeedsController],
  providers: [SiteResolver, CompanyCache, NeedWriter, CreateNeedHandler, ChangeNeedHandler, GetNeedHandler, ListNeedsHandler, ExpirySweeper, ImportNeedsHandler, ImportProcessor],
  exports: [ExpirySweeper, ImportProcessor],
})
export class NeedsContextModule {}
