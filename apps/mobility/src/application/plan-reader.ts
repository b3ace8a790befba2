import { type Actor, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { EventStore } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import { planViewOf, type PlanView } from './plan-view';
import { planStreamId } from './streams';
import { maySee } from './visibility';

/**
 * A single plan is read from its own stream (an _id walk, cached), so whoever just acted on it
 * reads their own write; lists and reports come from the read models.
 */
@Injectable()
export class PlanReader {
  constructor(private readonly store: EventStore) {}

  async view(planId: string, actor: Actor): Promise<PlanView> {
    const stream = await this.store.readStream(planStreamId(planId));
    const view = planViewOf(stream.events);
    // Another student's plan is "not found", as in the deciders (requireOwnPlan).
    if (view === null || !maySee(actor, view.studentId))
      throw new NotFoundError(`Mobility plan ${planId} not found`, INPUT);
    return view;
  }
}
