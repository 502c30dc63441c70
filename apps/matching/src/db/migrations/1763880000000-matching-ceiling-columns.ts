import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * The target groups a course names, one bit each in this order (ceiling-tables.ts TARGET_GROUP_BITS
 * must list the same; test/ceiling-columns.test.ts compares them), and bit 8 for a group this
 * list does not know (a later contract version): retrieval then assumes the best value.
 */
const GROUP_BITS = ['apprentices', 'employees', 'unskilled', 'refugees_migrants', 'returners', 'disadvantaged_youth', 'job_seekers', 'managers'];

/**
 * Retrieval ranks every course date in reach of a need by a score ceiling computed in SQL
 * (candidates.ts). Three of its criteria read the offer's facts from the date's jsonb column: the
 * DQR level, the language and – with nine jsonb operators per row – the target groups. For a need
 * with a common skill at 100,000 offers (~10,000 dates in reach) those operators took 12 of the
 * statement's 60 ms (session 7, the same statement with and without them). Stored generated
 * columns hold them as a smallint, a text and a bit mask: written once with the date, by every
 * writer of the row alike (the offer handler, the bench's bulk path, a rebuild), read by plain
 * comparisons and one array lookup per row.
 */
export class MatchingCeilingColumns1763880000000 implements MigrationInterface {
  name = 'MatchingCeilingColumns1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    const bit = GROUP_BITS.map((group, index) => `WHEN '${group}' THEN ${1 << index}`).join(' ');
    await queryRunner.query(
      `CREATE FUNCTION "${s}".target_group_mask(groups jsonb) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN jsonb_typeof(groups) = 'array'
                     THEN (SELECT coalesce(sum(DISTINCT CASE g ${bit} ELSE ${1 << GROUP_BITS.length} END), 0)::int FROM jsonb_array_elements_text(groups) AS g)
                     ELSE 0 END
       $$`,
    );
    await queryRunner.query(
      `ALTER TABLE "${s}".course_date_view
         ADD COLUMN dqr_level smallint GENERATED ALWAYS AS ((offer_facts->>'dqrLevel')::smallint) STORED,
         ADD COLUMN offer_language text GENERATED ALWAYS AS (offer_facts->>'language') STORED,
         ADD COLUMN target_group_mask int NOT NULL GENERATED ALWAYS AS ("${s}".target_group_mask(offer_facts->'targetGroups')) STORED`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".course_date_view DROP COLUMN dqr_level, DROP COLUMN offer_language, DROP COLUMN target_group_mask`);
    await queryRunner.query(`DROP FUNCTION "${s}".target_group_mask(jsonb)`);
  }
}
