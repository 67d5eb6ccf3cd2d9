import { UTM_MEDIUM } from '../../../shared/touchpoints';
import type { ResolvedLinkRow } from '../store/links-repo';

/** The checkout URL with UTM parameters and the code as `ref`, keeping the shop's own parameters. */
export function checkoutLocation(link: ResolvedLinkRow): string {
  const url = new URL(link.checkout_url);
  url.searchParams.set('utm_source', link.touchpoint_key);
  url.searchParams.set('utm_medium', UTM_MEDIUM[link.touchpoint_kind]);
  url.searchParams.set('utm_campaign', `drop-${link.drop_id}`);
  url.searchParams.set('ref', link.code);
  return url.toString();
}
