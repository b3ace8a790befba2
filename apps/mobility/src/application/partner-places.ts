import {
  ConcurrencyError,
  type CommandMetadata,
  type Decider,
  DomainError,
  foldEvents,
} from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import {
  academicYearOn,
  type ApproveByInternationalOffice,
  type ClaimPlace,
  decideMobilityPlan,
  evolveMobilityPlan,
  initialMobilityPlanState,
  type MobilityPlanCommand,
  mobilityPlanDecider,
  type MobilityPlanEvent,
  type MobilityPlanState,
  type PartnerPlacesEvent,
  partnerPlacesDecider,
  type PlaceHolder,
  type PlaceKind,
  placeKindOf,
  type PlaceReleaseReason,
  placesFor,
} from '../domain';
import { CommandContext } from './command-context';
import { PartnerReader } from './partner-reader';
import { asPlanEvents } from './plan-view';
import { partnerPlacesStreamId, planStreamId } from './streams';

interface Ledger {
  readonly partnerId: string;
  readonly academicYear: string;
  readonly agreementKind: PlaceKind;
}

interface VersionedPlan {
  readonly plan: MobilityPlanState;
  readonly version: number;
}

/** Where a plan takes its MOB-10 place: its partner's agreement of its kind, for its academic year. */
function ledgerOf(plan: MobilityPlanState): Ledger | null {
  if (plan.status === 'none' || plan.host.partnerId === null) return null;
  const agreementKind = placeKindOf(plan.kind);
  if (agreementKind === null) return null;
  return { partnerId: plan.host.partnerId, academicYear: academicYearOn(plan.startOn), agreementKind };
}

const sameLedger = (a: Ledger | null, b: Ledger): boolean =>
  a !== null && a.partnerId === b.partnerId && a.academicYear === b.academicYear && a.agreementKind === b.agreementKind;

/** A plan approved by the international office and not given up holds its place. */
const holdsPlace = (plan: MobilityPlanState): boolean =>
  (plan.status === 'proposed' || plan.status === 'in_mobility' || plan.status === 'completed') &&
  plan.approvals.INTERNATIONAL_OFFICE !== null;

/**
 * The plan decider, deciding only on the plan version a place was claimed for: had the plan moved
 * on (changed, refused) between the claim and the approval, the claim would not be the plan's.
 */
function onVersion(version: number): Decider<MobilityPlanCommand, MobilityPlanEvent, VersionedPlan> {
  return {
    initialState: () => ({ plan: initialMobilityPlanState(), version: 0 }),
    evolve: (state, event) => ({ plan: evolveMobilityPlan(state.plan, event), version: state.version + 1 }),
    decide: (command, state) => {
      if (state.version !== version) {
        throw new ConcurrencyError(`Mobility plan ${command.data.planId} changed during its approval; retry`);
      }
      return decideMobilityPlan(command, state.plan);
    },
  };
}

/**
 * MOB-10: the places of a partner for an academic year, kept in their own event stream so that
 * the count is settled by the append's optimistic concurrency (the insert of a unique commit _id),
 * never by an update. The international office's approval claims the place first, then is
 * appended to the plan; a refusal, a cancellation or a change gives it back.
 */
@Injectable()
export class PartnerPlaces {
  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    private readonly partners: PartnerReader,
    private readonly context: CommandContext,
  ) {}

  async approveByInternationalOffice(command: ApproveByInternationalOffice): Promise<void> {
    const { planId } = command.data;
    const { plan, version } = await this.loadPlan(planId);
    // A forbidden or untimely approval is refused before any place is taken.
    decideMobilityPlan(command, plan);
    const ledger = ledgerOf(plan);
    if (ledger === null) {
      await this.runner.run(mobilityPlanDecider, planStreamId(planId), command, this.context.options());
      return;
    }
    await this.claim(ledger, planId, version, command.metadata);
    try {
      await this.runner.run(onVersion(version), planStreamId(planId), command, this.context.options());
    } catch (error) {
      if (!holdsPlace((await this.loadPlan(planId)).plan)) {
        await this.release(ledger, planId, 'NOT_APPROVED', command.metadata);
      }
      throw error;
    }
  }

  /** Runs a command that ends the plan's claim to its place (refusal, cancellation, change), then frees it. */
  async runFreeing(command: MobilityPlanCommand, reason: PlaceReleaseReason): Promise<void> {
    const { planId } = command.data;
    const before = ledgerOf((await this.loadPlan(planId)).plan);
    await this.runner.run(mobilityPlanDecider, planStreamId(planId), command, this.context.options());
    if (before !== null) await this.release(before, planId, reason, command.metadata);
  }

  private async claim(ledger: Ledger, planId: string, planVersion: number, metadata: CommandMetadata) {
    const partner = await this.partners.load(ledger.partnerId);
    const agreements = partner.status === 'registered' ? partner.agreements : [];
    const command: ClaimPlace = {
      type: 'ClaimPlace',
      data: {
        ...ledger,
        planId,
        planVersion,
        placesPerAcademicYear: placesFor(agreements, ledger.agreementKind, ledger.academicYear),
      },
      metadata,
    };
    const streamId = partnerPlacesStreamId(ledger.partnerId, ledger.academicYear);
    try {
      await this.runner.run(partnerPlacesDecider, streamId, command, this.context.options());
    } catch (error) {
      const full = error instanceof DomainError && error.ruleId === 'MOB-10';
      if (!full || !(await this.releaseStale(ledger, metadata))) throw error;
      await this.runner.run(partnerPlacesDecider, streamId, command, this.context.options());
    }
  }

  /**
   * A place whose release was lost (the service stopped between the plan's event and the
   * release) is given back when the partner is found full. Only a claim that can no longer
   * become an approval is stale: the approval is decided on the plan version claimed for.
   */
  private async releaseStale(ledger: Ledger, metadata: CommandMetadata): Promise<boolean> {
    const { events } = await this.store.readStream(partnerPlacesStreamId(ledger.partnerId, ledger.academicYear));
    const { holders } = foldEvents(partnerPlacesDecider, events as unknown as PartnerPlacesEvent[]);
    let freed = false;
    for (const holder of holders.filter((h) => h.agreementKind === ledger.agreementKind)) {
      const reason = staleReason(await this.loadPlan(holder.planId), holder, ledger);
      if (reason === null) continue;
      await this.release(ledger, holder.planId, reason, metadata);
      freed = true;
    }
    return freed;
  }

  private async release(ledger: Ledger, planId: string, reason: PlaceReleaseReason, metadata: CommandMetadata) {
    const { partnerId, academicYear } = ledger;
    await this.runner.run(
      partnerPlacesDecider,
      partnerPlacesStreamId(partnerId, academicYear),
      { type: 'ReleasePlace', data: { partnerId, academicYear, planId, reason }, metadata },
      this.context.options(),
    );
  }

  private async loadPlan(planId: string): Promise<VersionedPlan> {
    const { events, version } = await this.store.readStream(planStreamId(planId));
    return { plan: foldEvents(mobilityPlanDecider, asPlanEvents(events)), version };
  }
}

function staleReason({ plan, version }: VersionedPlan, holder: PlaceHolder, ledger: Ledger): PlaceReleaseReason | null {
  if (plan.status === 'refused') return 'REFUSED';
  if (plan.status === 'cancelled') return 'CANCELLED';
  if (!sameLedger(ledgerOf(plan), ledger)) return 'CHANGED';
  return version !== holder.planVersion && !holdsPlace(plan) ? 'NOT_APPROVED' : null;
}
