// Open votes (biểu quyết) on the tablet: filled in with the open-vote feature.
export const name = 'openVote';
export const hubMessages = {};
export function render() { return false; }
