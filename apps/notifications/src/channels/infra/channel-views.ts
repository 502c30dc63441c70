import { ChannelRow } from '../../delivery/infra/delivery-store';

export interface ChannelView {
  id: string;
  partnerId: string;
  kind: 'email' | 'webhook';
  /** Email address or webhook URL. */
  address: string;
  status: 'active' | 'disabled';
  disabledReason?: string;
  failingSince?: string;
  createdAt: string;
  /** Only in the response that created or rotated it. */
  secret?: string;
}

export function channelView(row: ChannelRow & { disabled_reason?: string | null; created_at: Date }, withSecret = false): ChannelView {
  return {
    id: row.id,
    partnerId: row.partner_id,
    kind: row.kind,
    address: row.address,
    status: row.status,
    ...(row.disabled_reason ? { disabledReason: row.disabled_reason } : {}),
    ...(row.failing_since ? { failingSince: new Date(row.failing_since).toISOString() } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    ...(withSecret && row.secret ? { secret: row.secret } : {}),
  };
}
