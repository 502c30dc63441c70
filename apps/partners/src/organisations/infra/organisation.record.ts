import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerKind, PartnerStatus } from '@bildungsraum/contracts';
import type { CompanyFacts, ProviderFacts } from '../domain/organisation-facts';
import type { Site } from '../domain/site';

/** Row of `partners.organisations`. Facts and sites are JSON: they are read and written whole. */
@Entity({ name: 'organisations' })
export class OrganisationRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('integer') version!: number;
  @Column('text') kind!: PartnerKind;
  @Column('text') name!: string;
  @Column('text') status!: PartnerStatus;
  @Column('jsonb', { nullable: true }) company!: CompanyFacts | null;
  @Column('jsonb', { nullable: true }) provider!: ProviderFacts | null;
  @Column('jsonb') sites!: Site[];
  /** Derived from the sites; an array column so that `district = ANY` filters use a GIN index. */
  @Column('text', { name: 'district_keys', array: true }) districtKeys!: string[];
  @Column('uuid', { name: 'network_ids', array: true }) networkIds!: string[];
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('text', { name: 'deactivation_reason_code', nullable: true }) deactivationReasonCode!: string | null;
  @Column('text', { name: 'deactivation_reason', nullable: true }) deactivationReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
