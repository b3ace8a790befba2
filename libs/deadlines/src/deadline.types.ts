/**
 * The deadline read model (the truth; Redis only holds the timers) and the shapes the scheduler
 * hands to handlers. Plain objects only: no mongoose document leaves the repository.
 */
export interface DeadlineCommand<Data = unknown> {
  readonly type: string;
  readonly data: Data;
}

/** A deadline to schedule: its id, when it falls due and the command it then runs. */
export interface DeadlineRequest {
  readonly deadlineId: string;
  readonly dueAt: Date;
  readonly command: DeadlineCommand;
}

export type DeadlineStatus = 'PENDING' | 'FIRED' | 'CANCELLED' | 'FAILED';

export interface Deadline<Data = unknown> {
  readonly id: string;
  /** Which schedule of this id: scheduling again makes a new one. */
  readonly generation: string;
  readonly dueAt: Date;
  readonly command: DeadlineCommand<Data>;
  readonly status: DeadlineStatus;
  readonly scheduledAt: Date;
  readonly firedAt?: Date;
  readonly cancelledAt?: Date;
  readonly failedAt?: Date;
  readonly lastError?: string;
}

/**
 * Runs the command of a due deadline. It may run more than once for one deadline (BullMQ is
 * at-least-once), so it dispatches to a decider that ignores a command that no longer applies.
 */
export type DeadlineHandler<Data = unknown> = (
  command: DeadlineCommand<Data>,
  deadline: Deadline<Data>,
) => Promise<void>;

/** What a BullMQ job carries: enough to tell a current job from one that was replaced. */
export interface DeadlineJobData {
  readonly deadlineId: string;
  /** Epoch ms of the dueAt the job was created for. */
  readonly dueAt: number;
  /** The schedule the job was created for; a job of a replaced schedule does nothing. */
  readonly generation: string;
}

/** Nest's Logger fits; tests pass a quiet or recording one. */
export interface DeadlineLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}
