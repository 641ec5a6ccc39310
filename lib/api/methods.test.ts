import { describe, expect, it } from 'vitest';
import { refusedMethod, routePatternOf } from './methods';

describe('which route a path is', () => {
  it('prefers static segments, as Next.js does', () => {
    expect(routePatternOf('/crm/v8/Items/search')).toBe('/crm/[version]/[module]/search');
    expect(routePatternOf('/crm/v8/Items/12')).toBe('/crm/[version]/[module]/[id]');
    expect(routePatternOf('/crm/v8/org')).toBe('/crm/[version]/org');
    expect(routePatternOf('/crm/bulk/v8/write')).toBe('/crm/bulk/[version]/write');
    expect(routePatternOf('/items')).toBeNull();
  });
});

describe('methods refused at the server', () => {
  it('refuses what a route does not export, with its Allow list', () => {
    expect(refusedMethod('TRACE', '/crm/v8/Items')).toBe('DELETE, GET, HEAD, OPTIONS, POST, PUT');
    expect(refusedMethod('PATCH', '/api/openapi.json')).toBe('GET, HEAD, OPTIONS');
    expect(refusedMethod('HEAD', '/import/api/jobs')).toBe('OPTIONS, POST');
    expect(refusedMethod('GET', '/crm/v8/Items/1')).toBeNull();
    expect(refusedMethod('OPTIONS', '/crm/v8/org')).toBeNull();
  });

  it('refuses pages only the methods Next.js cannot route', () => {
    expect(refusedMethod('TRACE', '/items')).toBe('GET, HEAD, POST');
    expect(refusedMethod('PROPFIND', '/')).toBe('GET, HEAD, POST');
    expect(refusedMethod('POST', '/items/new')).toBeNull();
  });
});
