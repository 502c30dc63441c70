import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NetworkMemberRole } from '@bildungsraum/contracts';

@Entity({ name: 'networks' })
export class NetworkRecord {
  @PrimaryColumn('uuid') id!: string;
  @Column('integer') version!: number;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { name: 'district_keys', array: true }) districtKeys!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One organisation in one network; `coordinator` members' users act for the network. */
@Entity({ name: 'network_members' })
export class NetworkMemberRecord {
  @PrimaryColumn('uuid', { name: 'network_id' }) networkId!: string;
  @PrimaryColumn('uuid', { name: 'partner_id' }) partnerId!: string;
  @Column('text') role!: NetworkMemberRole;
}
