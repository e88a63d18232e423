import { type TTriggerDefinition, ZTriggerDefinition } from '../definition-schema.js';
import { genderIdentity, privacyRequest, reviewEditRequest, reviewRemovalRequest } from './account-definitions.js';
import {
  abusiveCustomer,
  executiveRequest,
  repeatEscalation,
  supervisorRequest,
} from './escalation-request-definitions.js';
import { chargebackThreat, financialInstitutionContact } from './payment-definitions.js';
import { cancellationFeeRefund, refundThreshold, repeatRefund, repeatRma, staleRefund } from './refund-definitions.js';
import { adverseReaction, healthSafety, medicalQuestion, propertyDamage, sosHighRisk } from './safety-definitions.js';
import {
  claimDispute,
  coverageDenial,
  providerDelay,
  replacementDispute,
  serviceDelay,
  unauthorizedWork,
} from './service-definitions.js';
import { lawyerContact, legalThreat, mediaThreat, reviewThreat } from './threat-definitions.js';

/** Detection data for the 30 canonical trigger codes, in the order of REQUIREMENTS.md. */
export const canonicalTriggerDefinitions: readonly TTriggerDefinition[] = [
  supervisorRequest,
  executiveRequest,
  repeatEscalation,
  legalThreat,
  lawyerContact,
  mediaThreat,
  reviewThreat,
  chargebackThreat,
  financialInstitutionContact,
  abusiveCustomer,
  medicalQuestion,
  adverseReaction,
  healthSafety,
  propertyDamage,
  sosHighRisk,
  genderIdentity,
  privacyRequest,
  reviewEditRequest,
  reviewRemovalRequest,
  refundThreshold,
  repeatRefund,
  cancellationFeeRefund,
  repeatRma,
  staleRefund,
  serviceDelay,
  providerDelay,
  claimDispute,
  replacementDispute,
  coverageDenial,
  unauthorizedWork,
].map((definition) => ZTriggerDefinition.parse(definition));
