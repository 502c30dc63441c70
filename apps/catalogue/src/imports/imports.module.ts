import { Module } from '@nestjs/common';
import { OffersModule } from '../offers/offers.module';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';

@Module({ imports: [OffersModule], controllers: [ImportsController], providers: [ImportRunner] })
export class ImportsModule {}
