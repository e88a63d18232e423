/**
 * Evaluation input and decision: the contract between the rules engine and its callers
 * (the API and the SDK).
 */
export * from './check-types.js';
export * from './decision-types.js';
export * from './input-types.js';
