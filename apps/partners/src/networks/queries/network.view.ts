import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NETWORK_MEMBER_ROLES } from '@bildungsraum/contracts';
import { Network } from '../domain/network';

export class NetworkMemberView {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ enum: NETWORK_MEMBER_ROLES }) role!: string;
}

export class NetworkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [String], description: 'Kreisschlüssel (AGS) / district keys' }) districtKeys!: string[];
  @ApiProperty({ type: [NetworkMemberView] }) members!: NetworkMemberView[];
}

export const toNetworkView = (network: Network): NetworkView => network.snapshot();
