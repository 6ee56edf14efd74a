import Markdown, { defaultUrlTransform } from 'react-markdown';

/**
 * A comment's markdown. Raw HTML is never rendered (react-markdown drops it without rehype-raw,
 * and skipHtml makes that explicit), and link targets pass react-markdown's URL filter (no javascript:).
 */
export function CommentText({ text }: { text: string }) {
  return (
    <div className="comment-text">
      <Markdown
        skipHtml
        urlTransform={defaultUrlTransform}
        components={{ a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" /> }}
      >
        {text}
      </Markdown>
    </div>
  );
}
