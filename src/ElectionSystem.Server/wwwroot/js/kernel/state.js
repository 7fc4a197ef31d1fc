// A page's state and its one render function: set(patch) merges and draws again at once.
// render(state) only builds DOM; loads and sends belong to event handlers and effects, which then
// call set() with what came back.
//   const store = createStore({ rounds: [], view: null }, render);
//   store.set({ view: await api(...) });      store.get().view
export function createStore(initial, render) {
  let state = initial;
  return {
    get: () => state,
    /** A patch object, or a function from the current state to a patch. */
    set(patch) {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      render(state);
      return state;
    },
  };
}
