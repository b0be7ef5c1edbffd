/** A flavor or disk type as the list APIs give it: where it is offered and its state in each AZ. */
export interface AzOffer {
  availability_zone?: string[] | null;
  az_status?: Record<string, string> | null;
}

/** `normal`, `sellout`, `unsupported`, or `unknown` when the offer does not mention the AZ. */
export function azStatus(offer: AzOffer | undefined, az: string): string {
  const s = offer?.az_status?.[az];
  if (s) return s;
  if (offer?.availability_zone?.includes(az)) return 'normal';
  return offer?.az_status || offer?.availability_zone ? 'unsupported' : 'normal';
}

export const isSellable = (offer: AzOffer | undefined, az: string) => azStatus(offer, az) === 'normal';

/** The chosen AZs in which the offer cannot be bought (sold out or not offered). */
export const blockedAzs = (offer: AzOffer | undefined, azs: string[]) => [
  ...new Set(azs.filter((az) => az && !isSellable(offer, az))),
];

/** Every AZ any offer mentions, sorted. */
export function knownAzs(offers: AzOffer[]): string[] {
  const set = new Set<string>();
  for (const o of offers) {
    for (const az of o.availability_zone ?? []) set.add(az);
    for (const az of Object.keys(o.az_status ?? {})) set.add(az);
  }
  return [...set].sort();
}

export const splitAzList = (value: string) => (value ? value.split(',').map((s) => s.trim()) : []);
