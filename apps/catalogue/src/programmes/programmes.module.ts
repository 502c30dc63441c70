import { Module } from '@nestjs/common';
import { FundingController } from './funding.controller';
import { ProgrammesController } from './programmes.controller';

@Module({ controllers: [ProgrammesController, FundingController] })
export class ProgrammesModule {}
