import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTaxonomyTables, dropTaxonomyTables } from '@bildungsraum/reference-data';
import { schemaOfRunner } from './1763740000000-catalogue-initial';

/** ESCO skills/occupations and KldB in the catalogue's own schema (filled by `importTaxonomy`). */
export class CatalogueTaxonomy1763740100000 implements MigrationInterface {
  name = 'CatalogueTaxonomy1763740100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTaxonomyTables(queryRunner, schemaOfRunner(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTaxonomyTables(queryRunner, schemaOfRunner(queryRunner));
  }
}
