/*
 * Apart from the rule it describes (key-search.ts): the list pages show the hint in their first load, and importing
 * it from key-search.ts would bring the canonical-key table along whenever a client module also uses keySearch.
 */

/** What a serial search box says about itself, next to the box. */
export const SERIAL_SEARCH_HINT =
  'Any part of the serial number: 3 letters or digits or more (shorter text finds serials starting ' +
  'with it). Exact and starting matches come first.';
