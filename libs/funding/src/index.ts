// Funding rules as data (DOMAIN.md "Förderung"): programmes, their versioned rule sets, a pure
// evaluator, the federal seed and a validator for operators' data. No framework, no I/O.
export * from './model/text';
export * from './model/condition';
export * from './model/programme';
export * from './model/query';
export * from './region/states';
export { evaluateFunding, versionOn } from './evaluate/evaluate-funding';
export { bestCompanyCost, type CostCombination, type CombinationShare } from './evaluate/best-company-cost';
export { percentOfCents, programmePaysCents } from './evaluate/money';
export { explainFunding } from './explain/explain-funding';
export { FEDERAL_PROGRAMMES, SGB3_82A_QUALIFIZIERUNGSGELD, SGB3_81_BILDUNGSGUTSCHEIN, BILDUNGSURLAUB } from './seed/federal-programmes';
export { SGB3_82 } from './seed/sgb3-82';
export { EXAMPLE_REGIONAL_PROGRAMME } from './seed/example-regional';
export { validateProgramme, type ProgrammeValidation } from './validate/validate-programme';
export type { ValidationError } from './validate/checks';
