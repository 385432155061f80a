/**
 * Masks a secret in any text that may end up in an error, a log line or a stored detail. The Basic
 * token and URL-encoded forms are masked too, since a server may echo a header or a URL back.
 */
export function makeRedactor(secret: string, identifier: string): (text: string) => string {
  const forms = new Set<string>();
  if (secret.length > 0) {
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(Buffer.from(`${identifier}:${secret}`).toString('base64'));
    forms.add(Buffer.from(secret).toString('base64'));
  }
  // Longest first, so that a form containing another is masked whole.
  const ordered = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of ordered) out = out.split(form).join('***');
    return out;
  };
}
