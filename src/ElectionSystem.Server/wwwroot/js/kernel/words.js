// The congress's own words that more than one screen shows, from /work/shared/SCREENS.md and the
// pages; one place, so the presidium, the committee, the projector and the tablet say the same.
// Numbers as Vietnamese write them: fmt.format(1586) → "1.586".
export const fmt = new Intl.NumberFormat('vi-VN');

/** A secret round's state (the API's draft | open | closed | confirmed | announced). */
export const ROUND_STATE = {
  draft: 'Chuẩn bị',
  open: 'Đang bỏ phiếu',
  closed: 'Đã đóng — chờ xác nhận',
  confirmed: 'Đã xác nhận',
  announced: 'Đã công bố',
};
export const roundState = (state) => ROUND_STATE[state] || state;

/** An open vote's state (the API's Draft | Open | Closed). */
export const OPEN_VOTE_STATE = { Draft: 'Chưa mở', Open: 'Đang biểu quyết', Closed: 'Đã kết thúc' };

/** A delegate's choice in an open vote, in the order the tablet shows them. */
export const CHOICES = [
  ['For', 'Tán thành'],
  ['Against', 'Không tán thành'],
  ['Abstain', 'Không biểu quyết'],
];
export const choiceLabel = (choice) => (CHOICES.find(([c]) => c === choice) || [])[1];
export const NOT_YET_VOTED = 'Chưa biểu quyết';

/** A candidate's outcome in a round's result. */
export const OUTCOME = { elected: 'Trúng cử', notElected: 'Không trúng cử', tied: 'Bằng phiếu' };

export const BASE = 'Tổng số đại biểu (làm căn cứ tính tỷ lệ)';
