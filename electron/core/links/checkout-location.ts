import { UTM_MEDIUM } from '../../../shared/touchpoints';
import type { ResolvedLinkRow } from '../store/links-repo';

/** Shopify cart permalinks (`/cart/<variant>:<qty>`) turn `attributes[...]` into cart attributes. */
const SHOPIFY_CART = /^\/cart\/\d/;
export const SHOPIFY_REF_ATTRIBUTE = 'dropdeck_ref';

/**
 * Where a scan goes: straight to the shop's checkout, or — when the drop takes stock holds — first to
 * DropDeck's own `/hold/:code` page (relative: it resolves on whichever host the viewer reached).
 */
export function checkoutLocation(link: ResolvedLinkRow): string {
  if (link.holds_mode !== 'off') return `/hold/${link.code}`;
  return shopCheckoutUrl(link, link.code);
}

/**
 * The checkout URL with UTM parameters and the code as `ref`, keeping the shop's own parameters.
 * `reference` (the link code, or the hold ref when a unit was reserved) travels as Stripe's
 * `client_reference_id` — so a Payment Link sale joins its click — and, on a Shopify cart permalink,
 * as the cart attribute `dropdeck_ref`, which Shopify hands back in the order's `note_attributes`.
 */
export function shopCheckoutUrl(link: ResolvedLinkRow, reference: string): string {
  const url = new URL(link.checkout_url);
  url.searchParams.set('utm_source', link.touchpoint_key);
  url.searchParams.set('utm_medium', UTM_MEDIUM[link.touchpoint_kind]);
  url.searchParams.set('utm_campaign', `drop-${link.drop_id}`);
  url.searchParams.set('ref', link.code);
  url.searchParams.set('client_reference_id', reference);
  if (SHOPIFY_CART.test(url.pathname))
    url.searchParams.set(`attributes[${SHOPIFY_REF_ATTRIBUTE}]`, reference);
  return url.toString();
}
