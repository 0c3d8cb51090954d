// 404 for paths outside any locale (the proxy sends almost everything into one).
import Link from "next/link";

export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="mx-auto max-w-xl p-8 font-sans">
        <h1 className="text-2xl font-semibold">Page not found · 페이지를 찾을 수 없습니다 · 找不到页面</h1>
        <p className="mt-4">
          <Link className="text-sky-900 underline" href="/">
            Plenary
          </Link>
        </p>
      </body>
    </html>
  );
}
