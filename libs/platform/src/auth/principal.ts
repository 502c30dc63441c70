/** The four roles of ARCHITECTURE.md §6. */
export const ROLES = ['operator', 'coordinator', 'company', 'provider'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the verified token, reduced to what authorisation decisions need. */
export interface Principal {
  /** The token's `sub`: stable id of the person or client at the identity provider. */
  subject: string;
  roles: Role[];
  /** The partner organisation the user belongs to. */
  partnerId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
