// Open votes (biểu quyết) on the tablet: three large choices, the current one highlighted,
// changeable until the presidium closes the vote. State comes from GET /api/tablet/state
// (openVote, with the delegate's recorded choice) and the hub message OpenVoteChanged.
export const name = 'openVote';

const CHOICES = [
  ['For', 'Tán thành'],
  ['Against', 'Không tán thành'],
  ['Abstain', 'Không biểu quyết'],
];
const label = (choice) => (CHOICES.find(([c]) => c === choice) || [])[1];

let shownVoteId = null;
let sending = false;
let problem = null;

export const hubMessages = {
  // A vote opened (vote set) or closed (null). The broadcast never carries anyone's choice: after
  // an open it is none; after a reconnect the state call brings the recorded one.
  OpenVoteChanged(message, ctx) {
    problem = null;
    ctx.update(name, message.vote);
  },
};

export function render(state, ctx) {
  const vote = state.openVote;
  if (!vote) {
    shownVoteId = null;
    return false;
  }
  const root = ctx.root;
  if (shownVoteId !== vote.id || !root.querySelector('.openvote')) {
    shownVoteId = vote.id;
    problem = null;
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
    root.querySelector('.vote-title').textContent = vote.title;
    root.querySelector('.vote-desc').textContent = vote.description || '';
    root.querySelector('.anonymous').hidden = !vote.anonymous;
    root.querySelector('.choices').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-choice]');
      if (b) choose(ctx, b.dataset.choice);
    });
  }
  const eligible = state.eligibility.mayVote;
  const notEligible = root.querySelector('[data-role="not-eligible"]');
  notEligible.hidden = eligible;
  notEligible.textContent = eligible ? '' : state.eligibility.reason;
  for (const b of root.querySelectorAll('button[data-choice]')) {
    b.setAttribute('aria-pressed', String(b.dataset.choice === vote.myChoice));
    b.disabled = !eligible || sending;
  }
  root.querySelector('.recorded').textContent = vote.myChoice
    ? `Đã ghi nhận: ${label(vote.myChoice)}. Có thể đổi lựa chọn cho đến khi kết thúc biểu quyết.`
    : (eligible ? 'Xin chọn một trong ba ý kiến.' : '');
  const p = root.querySelector('[data-role="problem"]');
  p.hidden = !problem;
  p.textContent = problem || '';
  return true;
}

async function choose(ctx, choice) {
  const vote = ctx.state?.openVote;
  if (!vote || sending) return;
  sending = true;
  problem = null;
  ctx.update(name, vote);
  try {
    const response = await ctx.api(`/api/tablet/openvotes/${vote.id}/choice`, {
      method: 'POST',
      body: JSON.stringify({ choice }),
    });
    if (response.ok) {
      const recorded = await response.json();
      sending = false;
      ctx.update(name, { ...vote, myChoice: recorded.choice });
      return;
    }
    const details = await response.json().catch(() => ({}));
    problem = details.detail || 'Không ghi nhận được. Xin thử lại.';
    sending = false;
    if (response.status === 409) {
      // Closed meanwhile: the state call shows the waiting screen with the reason kept briefly.
      await ctx.refresh();
      return;
    }
    ctx.update(name, vote);
  } catch (e) {
    sending = false;
    if (ctx.state) {
      problem = 'Mất kết nối. Lựa chọn chưa được ghi nhận — xin chọn lại.';
      ctx.update(name, vote);
    }
  }
}
