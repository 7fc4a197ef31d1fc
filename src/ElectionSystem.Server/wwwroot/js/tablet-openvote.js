// Open votes (biểu quyết) on the tablet: three large choices, the current one highlighted,
// changeable until the presidium closes the vote. The vote comes from GET /api/tablet/state
// (tablet.openVote, with the delegate's recorded choice) and the hub message OpenVoteChanged; this
// feature's own slice of the store is { sending, problem: { voteId, text } }.
import { CHOICES, choiceLabel } from './kernel/words.js';
export const name = 'openVote';
export const initial = () => ({ sending: false, problem: null });

export const hubMessages = {
  // A vote opened (vote set) or closed (null). The broadcast never carries anyone's choice: after
  // an open it is none; after a reconnect the state call brings the recorded one.
  OpenVoteChanged(message, ctx) {
    ctx.store.set((s) => (s.tablet ? { tablet: { ...s.tablet, openVote: message.vote }, [name]: { ...s[name], problem: null } } : {}));
  },
};

export function render(state, ctx) {
  const vote = state.tablet.openVote;
  if (!vote) return false;
  const root = ctx.root;
  // The buttons are built once per vote (the same elements while the delegate changes their mind).
  if (root.querySelector('.openvote')?.dataset.vote !== String(vote.id)) {
    root.innerHTML = `
      <div class="openvote">
        <p class="muted">Biểu quyết</p>
        <h1 class="vote-title"></h1>
        <p class="vote-desc"></p>
        <p class="anonymous" hidden>Biểu quyết không ghi danh: sau khi kết thúc, hệ thống không lưu ai chọn gì.</p>
        <p class="warning" data-role="not-eligible" hidden></p>
        <div class="choices">
          ${CHOICES.map(([c, text]) => `<button type="button" data-choice="${c}" aria-pressed="false">${text}</button>`).join('')}
        </div>
        <p class="recorded" role="status"></p>
        <p class="problem" data-role="problem" hidden></p>
      </div>`;
    root.querySelector('.openvote').dataset.vote = vote.id;
    root.querySelector('.vote-title').textContent = vote.title;
    root.querySelector('.vote-desc').textContent = vote.description || '';
    root.querySelector('.anonymous').hidden = !vote.anonymous;
    root.querySelector('.choices').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-choice]');
      if (b) choose(ctx, b.dataset.choice);
    });
  }
  const { sending, problem } = state[name];
  const eligible = state.tablet.eligibility.mayVote;
  const notEligible = root.querySelector('[data-role="not-eligible"]');
  notEligible.hidden = eligible;
  notEligible.textContent = eligible ? '' : state.tablet.eligibility.reason;
  for (const b of root.querySelectorAll('button[data-choice]')) {
    b.setAttribute('aria-pressed', String(b.dataset.choice === vote.myChoice));
    b.disabled = !eligible || sending;
  }
  root.querySelector('.recorded').textContent = vote.myChoice
    ? `Đã ghi nhận: ${choiceLabel(vote.myChoice)}. Có thể đổi lựa chọn cho đến khi kết thúc biểu quyết.`
    : (eligible ? 'Xin chọn một trong ba ý kiến.' : '');
  const text = problem?.voteId === vote.id ? problem.text : null;
  const p = root.querySelector('[data-role="problem"]');
  p.hidden = !text;
  p.textContent = text || '';
  return true;
}

async function choose(ctx, choice) {
  const vote = ctx.store.get().tablet?.openVote;
  if (!vote || ctx.store.get()[name].sending) return;
  ctx.update(name, { sending: true, problem: null });
  try {
    const recorded = await ctx.api(`/api/tablet/openvotes/${vote.id}/choice`, { method: 'POST', body: { choice } });
    ctx.store.set((s) => ({
      [name]: { sending: false, problem: null },
      tablet: s.tablet?.openVote?.id === vote.id ? { ...s.tablet, openVote: { ...s.tablet.openVote, myChoice: recorded.choice } } : s.tablet,
    }));
  } catch (e) {
    if (e.status === 401) return; // signed out: the shell says why
    const text = e.status === 0
      ? 'Mất kết nối. Lựa chọn chưa được ghi nhận — xin chọn lại.'
      : e.problem?.detail || 'Không ghi nhận được. Xin thử lại.';
    ctx.update(name, { sending: false, problem: { voteId: vote.id, text } });
    // Closed meanwhile: the state call shows the waiting screen.
    if (e.status === 409) await ctx.refresh();
  }
}
