/** The editor's login page: plain HTML, no script, Vietnamese first. */
const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function loginPage(opts: { error?: boolean; user?: { name: string } }): string {
  const body = opts.user
    ? `<p>Đang đăng nhập: <strong>${esc(opts.user.name)}</strong>.</p>
<p><a href="/keystatic">Mở trình sửa nội dung</a></p>
<form method="post" action="/editor/logout"><button type="submit">Đăng xuất (Log out)</button></form>`
    : `${opts.error ? '<p role="alert" class="error">Sai tên đăng nhập hoặc mật khẩu. (Wrong login or password.)</p>' : ''}
<form method="post" action="/editor/login">
<p><label for="login">Tên đăng nhập (login)</label><br><input id="login" name="login" autocomplete="username" required></p>
<p><label for="password">Mật khẩu (password)</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Đăng nhập (Log in)</button></p>
</form>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Đăng nhập sửa nội dung</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
input,button{font:inherit;padding:.5rem;min-width:100%;box-sizing:border-box}button{min-width:auto;cursor:pointer}
.error{color:#a40000;font-weight:600}</style></head>
<body><main><h1>Sửa nội dung cổng thông tin</h1>
${body}
</main></body></html>`;
}
