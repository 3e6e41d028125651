// Shows guideline text rendered by renderMarkdown (markdown.server.ts), which
// allows no raw HTML: the string is safe to insert as it is.
export function SafeMarkdown({ html, id }: { html: string; id?: string }) {
  return <div className="kp-markdown" id={id} data-testid="guideline-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
