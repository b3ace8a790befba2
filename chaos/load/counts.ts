/** What the load got done, each counted at its 2xx answer. */
export interface LoadCounts {
  submitted: number;
  opinions: number;
  decisions: number;
  offers: number;
  enrolled: number;
  declined: number;
  plans: number;
}

export function noCounts(): LoadCounts {
  return { submitted: 0, opinions: 0, decisions: 0, offers: 0, enrolled: 0, declined: 0, plans: 0 };
}
