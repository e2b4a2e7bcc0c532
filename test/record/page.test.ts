import { describe, expect, it } from 'vitest';
import { pageAddress, referrerOrigin } from '../../widget/src/record/page';

describe('what the record says about the page', () => {
  it('keeps the origin and path, not the query, fragment or credentials that carry tokens and emails', () => {
    expect(pageAddress('https://shop.example/orders/1042?session=abc&email=ana%40shop.example#review')).toBe('https://shop.example/orders/1042');
    expect(pageAddress('https://user:secret@shop.example:8443/basket?utm_source=mail')).toBe('https://shop.example:8443/basket');
  });

  it('keeps the whole address when the site owner asks for data-page-url="full"', () => {
    const href = 'https://shop.example/orders?order=1042#review';
    expect(pageAddress(href, 'full')).toBe(href);
  });

  it('cuts the referrer to its origin, and says nothing for none or an opaque one', () => {
    expect(referrerOrigin('https://search.example/results?q=refund+for+broken+kettle')).toBe('https://search.example');
    expect(referrerOrigin('')).toBeNull();
    expect(referrerOrigin('not a url')).toBeNull();
    expect(referrerOrigin('data:text/html,hello')).toBeNull();
  });
});
