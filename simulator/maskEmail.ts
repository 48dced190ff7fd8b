/**
 * Shows where a code went without revealing the address: the first letter of the local part and of the
 * domain, and the top-level domain (`julie.martin@exemple.fr` → `j***@e***.fr`).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const lastDot = domain.lastIndexOf('.');
  const topLevel = lastDot >= 0 ? domain.slice(lastDot) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${topLevel}`;
}
