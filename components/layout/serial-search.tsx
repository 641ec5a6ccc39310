/**
 * "Find serial number" in the header of every page. A plain GET form to a route handler: exactly one
 * match (exact, or containing the text: lib/search/key-search.ts) opens the serial, anything else the
 * agenda searched for the text. Works without JavaScript.
 */
export function SerialSearch() {
  return (
    <form
      action="/serial-numbers/find"
      method="get"
      role="search"
      aria-label="Serial numbers"
      className="flex max-w-md items-center gap-2"
    >
      <label htmlFor="header-serial-search" className="sr-only">
        Find serial number
      </label>
      <input
        id="header-serial-search"
        name="q"
        type="search"
        required
        maxLength={200}
        placeholder="Find serial number (any part)…"
        autoComplete="off"
        spellCheck={false}
        className="block min-h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200"
      />
      <button
        type="submit"
        className="min-h-9 shrink-0 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        Find
      </button>
    </form>
  );
}
