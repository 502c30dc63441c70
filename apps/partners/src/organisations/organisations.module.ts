import { Module } from '@nestjs/common';
import { ContactPersonsController } from './commands/contact-persons/contact-persons.controller';
import { ContactPersonsHandler } from './commands/contact-persons/contact-persons.handler';
import { DeactivateOrganisationController } from './commands/deactivate-organisation/deactivate-organisation.controller';
import { DeactivateOrganisationHandler } from './commands/deactivate-organisation/deactivate-organisation.handler';
import { RegisterOrganisationController } from './commands/register-organisation/register-organisation.controller';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler';
import { UpdateOrganisationController } from './commands/update-organisation/update-organisation.controller';
import { UpdateOrganisationHandler } from './commands/update-organisation/update-organisation.handler';
import { VerificationController } from './commands/verify-organisation/verification.controller';
import { VerificationHandler } from './commands/verify-organisation/verification.handler';
import { SiteResolver } from './infra/site-resolver';
import { GetOrganisationController, GetOrganisationHandler } from './queries/get-organisation/get-organisation.controller';
import { ListOrganisationsController } from './queries/list-organisations/list-organisations.controller';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';

/** Bounded context "organisations": registration, master data, sites, contacts, verification. */
@Module({
  controllers: [
    ListOrganisationsController,
    GetOrganisationController,
    RegisterOrganisationController,
    UpdateOrganisationController,
    VerificationController,
    DeactivateOrganisationController,
    ContactPersonsController,
  ],
  providers: [
    SiteResolver,
    ListOrganisationsHandler,
    GetOrganisationHandler,
    RegisterOrganisationHandler,
    UpdateOrganisationHandler,
    VerificationHandler,
    DeactivateOrganisationHandler,
    ContactPersonsHandler,
  ],
})
export class OrganisationsModule {}
