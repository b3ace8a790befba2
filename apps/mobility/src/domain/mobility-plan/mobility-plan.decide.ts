import { assertNever, Decider } from '@admissions/domain-kernel';
import {
  completeInternship,
  recordCredits,
  recordEngineeringInternship,
  startMobility,
} from './mobility-completion.decide';
import {
  approveLearningAgreement,
  changeLearningAgreement,
  proposeLearningAgreement,
} from './learning-agreement.decide';
import { MobilityPlanCommand } from './mobility-plan.commands';
import { MobilityPlanEvent } from './mobility-plan.events';
import { evolveMobilityPlan } from './mobility-plan.state';
import { initialMobilityPlanState, MobilityPlanState } from './mobility-plan.state';
import { approve, cancelPlan, refuse } from './plan-approval.decide';
import { changePlan, proposePlan } from './plan-proposal.decide';

export function decideMobilityPlan(command: MobilityPlanCommand, state: MobilityPlanState): MobilityPlanEvent[] {
  switch (command.type) {
    case 'ProposePlan':
      return proposePlan(command, state);
    case 'ChangePlan':
      return changePlan(command, state);
    case 'ApproveByStudyAdvisor':
      return approve(command, state, 'STUDY_ADVISOR');
    case 'ApproveByTrainingDirectorate':
      return approve(command, state, 'TRAINING_DIRECTORATE');
    case 'ApproveByInternationalOffice':
      return approve(command, state, 'INTERNATIONAL_OFFICE');
    case 'RefuseByStudyAdvisor':
      return refuse(command, state, 'STUDY_ADVISOR');
    case 'RefuseByTrainingDirectorate':
      return refuse(command, state, 'TRAINING_DIRECTORATE');
    case 'RefuseByInternationalOffice':
      return refuse(command, state, 'INTERNATIONAL_OFFICE');
    case 'CancelPlan':
      return cancelPlan(command, state);
    case 'ProposeLearningAgreement':
      return proposeLearningAgreement(command, state);
    case 'ChangeLearningAgreement':
      return changeLearningAgreement(command, state);
    case 'ApproveLearningAgreement':
      return approveLearningAgreement(command, state);
    case 'StartMobility':
      return startMobility(command, state);
    case 'RecordCredits':
      return recordCredits(command, state);
    case 'CompleteInternship':
      return completeInternship(command, state);
    case 'RecordEngineeringInternship':
      return recordEngineeringInternship(command, state);
    default:
      return assertNever(command);
  }
}

export const mobilityPlanDecider: Decider<MobilityPlanCommand, MobilityPlanEvent, MobilityPlanState> = {
  initialState: initialMobilityPlanState,
  decide: decideMobilityPlan,
  evolve: evolveMobilityPlan,
};
