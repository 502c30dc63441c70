import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Row of `partners.contact_persons`: personal data. Deleted rows are gone (no soft delete), and
 * nothing here is ever copied into an event or another schema.
 */
@Entity({ name: 'contact_persons' })
export class ContactPersonRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) role!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
