import type { GraphiQLOptions } from 'graphql-yoga';

let rendered: { key: string; html: string } | undefined;

/**
 * GraphiQL with its JavaScript, CSS and editor workers inlined
 * (`@graphql-yoga/render-graphiql`), so the page works without reaching a CDN. The module is
 * ~9 MB of text: it is loaded on the first page view only (never when GraphiQL is off), and
 * the page is rendered once per set of options.
 */
export async function offlineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  if (rendered?.key === key) return rendered.html;
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  rendered = { key, html: renderGraphiQL(options) };
  return rendered.html;
}
