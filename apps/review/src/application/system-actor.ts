import type { Actor, CommandMetadata } from '@admissions/domain-kernel';

/** The actor of the commands the review service sends itself in reaction to other services' events. */
export const SYSTEM_ACTOR: Actor = { id: 'system:review', roles: ['admin'] };

export const systemMetadata = (now: Date): CommandMetadata => ({ now, actor: SYSTEM_ACTOR });
