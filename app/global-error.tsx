"use client";
// Last resort when even the layout fails: a plain page in all three languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Something went wrong · 문제가 발생했습니다 · 出现问题</h1>
        <p>Please try again in a moment. · 잠시 후 다시 시도해 주세요. · 请稍后再试。</p>
        <button type="button" onClick={reset}>
          Retry · 다시 시도 · 重试
        </button>
      </body>
    </html>
  );
}
