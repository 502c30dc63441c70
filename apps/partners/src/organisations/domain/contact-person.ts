/**
 * A contact person of an organisation. Personal data: kept only in the partners service, never
 * put into an event, and erased (not just hidden) on request (Art. 17 GDPR).
 */
export interface ContactPerson {
  id: string;
  name: string;
  /** Function in the organisation, e.g. "Ausbildungsleitung". */
  role?: string;
  email?: string;
  phone?: string;
}
