// A temporary password the server made for an account (a new account, a reset), shown once to the
// one who asked: the organiser on /admin, the presidium on its console for presidium accounts.
export const showPassword = (userName, password) =>
  alert(`Tài khoản ${userName}, mật khẩu tạm: ${password}\n(chỉ hiện một lần; người dùng phải đổi mật khẩu ở lần đăng nhập đầu)`);
