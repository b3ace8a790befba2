import { ConcurrencyError, type Decider, DomainError, foldEvents } from '@admissions/domain-kernel';
import { EventStore, stateFrom } from '@admissions/event-store';
import { CommandGateway, type CommandOrigin, type Intent } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import {
  academicYearOn,
  type ApproveByInternationalOffice,
  decideMobilityPlan,
  evolveMobilityPlan,
  initialMobilityPlanState,
  type MobilityPlanCommand,
  mobilityPlanDecider,
  type MobilityPlanEvent,
  type MobilityPlanState,
  partnerPlacesDecider,
  type PlaceHolder,
  type PlaceKind,
  placeKindOf,
  type PlaceReleaseReason,
  placesFor,
} from '../domain';
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
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
    private readonly partners: PartnerReader,
  ) {}

  async approveByInternationalOffice(
    intent: Intent<ApproveByInternationalOffice>,
    origin: CommandOrigin,
  ): Promise<void> {
    const { planId } = intent.data;
    const { plan, version } = await this.loadPlan(planId);
    // A forbidden or untimely approval is refused before any place is taken.
    this.gateway.dryRun(mobilityPlanDecider, plan, intent, origin);
    const ledger = ledgerOf(plan);
    if (ledger === null) {
      await this.gateway.handle(mobilityPlanDecider, planStreamId(planId), intent, origin);
      return;
    }
    await this.claim(ledger, planId, version, origin);
    try {
      await this.gateway.handle(onVersion(version), planStreamId(planId), intent, origin);
    } catch (error) {
      if (!holdsPlace((await this.loadPlan(planId)).plan)) await this.release(ledger, planId, 'NOT_APPROVED', origin);
      throw error;
    }
  }

  /** Runs a command that ends the plan's claim to its place (refusal, cancellation, change), then frees it. */
  async runFreeing(intent: Intent<MobilityPlanCommand>, reason: PlaceReleaseReason, origin: CommandOrigin) {
    const { planId } = intent.data;
    const before = ledgerOf((await this.loadPlan(planId)).plan);
    await this.gateway.handle(mobilityPlanDecider, planStreamId(planId), intent, origin);
    if (before !== null) await this.release(before, planId, reason, origin);
  }

  private async claim(ledger: Ledger, planId: string, planVersion: number, origin: CommandOrigin) {
    const partner = await this.partners.load(ledger.partnerId);
    const agreements = partner.status === 'registered' ? partner.agreements : [];
    const placesPerAcademicYear = placesFor(agreements, ledger.agreementKind, ledger.academicYear);
    const claim = { type: 'ClaimPlace', data: { ...ledger, planId, planVersion, placesPerAcademicYear } } as const;
    const streamId = partnerPlacesStreamId(ledger.partnerId, ledger.academicYear);
    try {
      await this.gateway.handle(partnerPlacesDecider, streamId, claim, origin);
    } catch (error) {
      const full = error instanceof DomainError && error.ruleId === 'MOB-10';
      if (!full || !(await this.releaseStale(ledger, origin))) throw error;
      await this.gateway.handle(partnerPlacesDecider, streamId, claim, origin);
    }
  }

  /**
   * A place whose release was lost (the service stopped between the plan's event and the
   * release) is given back when the partner is found full. Only a claim that can no longer
   * become an approval is stale: the approval is decided on the plan version claimed for.
   */
  private async releaseStale(ledger: Ledger, origin: CommandOrigin): Promise<boolean> {
    const { events } = await this.store.readStream(partnerPlacesStreamId(ledger.partnerId, ledger.academicYear));
    const { holders } = stateFrom(partnerPlacesDecider, events);
    let freed = false;
    for (const holder of holders.filter((h) => h.agreementKind === ledger.agreementKind)) {
      const reason = staleReason(await this.loadPlan(holder.planId), holder, ledger);
      if (reason === null) continue;
      await this.release(ledger, holder.planId, reason, origin);
      freed = true;
    }
    return freed;
  }

  private async release(ledger: Ledger, planId: string, reason: PlaceReleaseReason, origin: CommandOrigin) {
    const { partnerId, academicYear } = ledger;
    await this.gateway.handle(
      partnerPlacesDecider,
      partnerPlacesStreamId(partnerId, academicYear),
      { type: 'ReleasePlace', data: { partnerId, academicYear, planId, reason } },
      origin,
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
