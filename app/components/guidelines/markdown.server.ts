// Guideline texts are Markdown written by the secretariat. They are rendered on
// the server without raw HTML: "<script>" in the text shows as text, and links
// to javascript:, vbscript:, file: or data: URLs are not made into links.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

// markdown-it already refuses javascript:/vbscript:/file:/data: links; we allow
// only web, mail and same-site links on top of that.
const defaultValidate = markdown.validateLink.bind(markdown);
markdown.validateLink = (url: string) => defaultValidate(url) && SAFE_LINK.test(url.trim());

// Links to other sites open as ordinary links, but never hand over window.opener.
const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Safe HTML for a Markdown text (no raw HTML, no script links). */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
